import { describe, expect, it } from 'vitest';
import { withSessionSettings } from '../../src/analytics/db.js';

describe('the analytics pool’s session settings', () => {
  it('are added to the connection string’s own options, keeping its search_path', () => {
    const url = new URL(
      withSessionSettings('postgres://bot@db:5432/app?options=-c%20search_path%3Daudit', '-c jit=off'),
    );
    expect(url.searchParams.get('options')).toBe('-c search_path=audit -c jit=off');
    expect(
      new URL(withSessionSettings('postgres://bot@db/app', '-c jit=off')).searchParams.get('options'),
    ).toBe('-c jit=off');
  });
});
