/**
 * The Teams app package: the committed manifest is valid, packaging fills the placeholders from the environment,
 * refuses clearly without them (unless --demo), and zips exactly the manifest, icons and localization file.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildTeamsPackage,
  PLACEHOLDERS,
  packageValues,
  TEAMS_DIR,
  TeamsPackageError,
} from '../../manifest/teams/build.js';
import { ACCENT } from '../../manifest/teams/icons.js';
import { runPackageCli } from '../../manifest/teams/package.js';
import { encodePng } from '../../manifest/teams/png.js';
import { type JsonObject, validateTeamsApp } from '../../manifest/teams/validate.js';

const PACKAGE_FILES = ['color.png', 'ja.json', 'manifest.json', 'outline.png'];
const BOT_ID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
const APP_ID = '6fa459ea-ee8a-3ca4-894e-db77e160355e';

const work = mkdtempSync(join(tmpdir(), 'teams-package-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let counter = 0;
const zipPath = () => join(work, `app-${++counter}.zip`);

const template = (): JsonObject =>
  JSON.parse(readFileSync(join(TEAMS_DIR, 'manifest.json'), 'utf8')) as JsonObject;
const templateFiles = () =>
  new Map<string, Uint8Array>(
    ['color.png', 'outline.png', 'ja.json'].map((name) => [name, readFileSync(join(TEAMS_DIR, name))]),
  );

/** The zip's entries, with the manifest parsed and the other files as bytes. */
function openZip(path: string) {
  const entries = unzipSync(readFileSync(path));
  const manifest = JSON.parse(Buffer.from(entries['manifest.json'] ?? []).toString('utf8')) as JsonObject;
  const files = new Map(Object.entries(entries).filter(([name]) => name !== 'manifest.json'));
  return { names: Object.keys(entries).sort(), manifest, files, entries };
}

describe('Teams manifest (committed template)', () => {
  it('is valid with its icons and Japanese localization, on a current schema (≥ 1.19)', async () => {
    const manifest = template();
    expect(await validateTeamsApp(manifest, templateFiles())).toEqual([]);
    expect(Number((manifest.manifestVersion as string).split('.')[1])).toBeGreaterThanOrEqual(19);
    expect(JSON.stringify(manifest)).not.toContain('${{');
  });

  it('has a personal/team/groupChat bot with the act, end and menu commands, and the icons’ accent colour', () => {
    const manifest = template() as {
      accentColor: string;
      bots: { scopes: string[]; commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
    };
    const bot = manifest.bots[0];
    expect(bot?.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    const personal = bot?.commandLists.find((list) => list.scopes.includes('personal'));
    expect(personal?.commands.map((c) => c.title).sort()).toEqual(['act', 'end', 'menu']);
    const hex = `#${ACCENT.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
    expect(manifest.accentColor.toLowerCase()).toBe(hex);
  });

  it('fails validation when a required field is missing or malformed', async () => {
    const { developer: _dropped, ...noDeveloper } = template();
    expect(await validateTeamsApp(noDeveloper, templateFiles())).toEqual([
      expect.stringContaining("must have required property 'developer'"),
    ]);
    const noBotId = template() as JsonObject & { bots: Record<string, unknown>[] };
    delete noBotId.bots[0]?.botId;
    expect((await validateTeamsApp(noBotId, templateFiles())).join('\n')).toContain(
      "must have required property 'botId'",
    );
    const wrongSchema = { ...template(), $schema: 'https://example.com/schema.json' };
    expect((await validateTeamsApp(wrongSchema, templateFiles())).join('\n')).toContain('$schema should be');
  });

  it('fails validation for a bad localization: unknown key, missing translation, too long a name', async () => {
    const ja = JSON.parse(readFileSync(join(TEAMS_DIR, 'ja.json'), 'utf8')) as JsonObject;
    delete ja['bots[0].commandLists[0].commands[2].description'];
    ja['bots[0].commandLists[0].commands[7].description'] = '存在しないコマンドです。';
    ja['name.short'] = '長'.repeat(31);
    const files = templateFiles().set('ja.json', Buffer.from(JSON.stringify(ja)));
    const problems = (await validateTeamsApp(template(), files)).join('\n');
    expect(problems).toContain('no translation for "bots[0].commandLists[0].commands[2].description"');
    expect(problems).toContain(
      '"bots[0].commandLists[0].commands[7].description" names nothing in the manifest',
    );
    expect(problems).toContain('/name.short must NOT have more than 30 characters');
  });

  it('fails validation for icons of the wrong size or an outline that is not white', async () => {
    const grey = { width: 32, height: 32, pixels: new Uint8Array(32 * 32 * 4).fill(128) };
    const files = templateFiles().set('outline.png', encodePng(grey)).set('color.png', encodePng(grey));
    const problems = await validateTeamsApp(template(), files);
    expect(problems).toEqual([
      'color.png: 32×32, Teams requires 192×192',
      expect.stringContaining('outline.png: the outline icon must be white on transparent'),
    ]);
  });
});

describe('Teams package', () => {
  it('demo mode zips exactly the manifest, icons and localization; the zipped manifest validates', async () => {
    const outFile = zipPath();
    const built = await buildTeamsPackage({ env: {}, demo: true, outFile });
    expect(built.outFile).toBe(outFile);
    const zip = openZip(outFile);
    expect(zip.names).toEqual(PACKAGE_FILES);
    expect([...built.entries].sort()).toEqual(PACKAGE_FILES);
    expect(await validateTeamsApp(zip.manifest, zip.files)).toEqual([]);
    expect(built.placeholdersLeft.sort()).toEqual(Object.values(PLACEHOLDERS).sort());
    expect(
      Buffer.from(zip.entries['color.png'] ?? []).equals(readFileSync(join(TEAMS_DIR, 'color.png'))),
    ).toBe(true);
  });

  it('fills the app id, bot id and host from the environment, leaving no placeholder', async () => {
    const outFile = zipPath();
    const env = {
      MicrosoftAppId: BOT_ID,
      TEAMS_APP_ID: APP_ID,
      BOT_HOST: 'https://helpdesk-bot.example.org/',
    };
    const built = await buildTeamsPackage({ env, outFile });
    const zip = openZip(outFile);
    expect(zip.manifest).toMatchObject({ id: APP_ID, bots: [{ botId: BOT_ID }] });
    expect(zip.manifest.validDomains).toEqual(['helpdesk-bot.example.org']);
    expect(built.placeholdersLeft).toEqual([]);
    for (const [name, bytes] of Object.entries(zip.entries))
      for (const token of Object.values(PLACEHOLDERS))
        expect(Buffer.from(bytes).includes(token), `${token} in ${name}`).toBe(false);
    expect(await validateTeamsApp(zip.manifest, zip.files)).toEqual([]);
  });

  it('uses the bot id as the Teams app id when TEAMS_APP_ID is not set, and builds the same bytes twice', async () => {
    const env = { MicrosoftAppId: BOT_ID, BOT_HOST: 'helpdesk-bot.example.org' };
    expect(packageValues(env)).toEqual({ appId: BOT_ID, botId: BOT_ID, host: 'helpdesk-bot.example.org' });
    const [first, second] = [zipPath(), zipPath()];
    await buildTeamsPackage({ env, outFile: first });
    await buildTeamsPackage({ env, outFile: second });
    expect(readFileSync(first).equals(readFileSync(second))).toBe(true);
  });

  it('refuses without MicrosoftAppId and BOT_HOST (unless demo), naming both, and writes nothing', async () => {
    const outFile = zipPath();
    const attempt = buildTeamsPackage({ env: {}, outFile });
    await expect(attempt).rejects.toBeInstanceOf(TeamsPackageError);
    await expect(attempt).rejects.toThrow(/MicrosoftAppId is not set[\s\S]*--demo[\s\S]*BOT_HOST is not set/);
    expect(existsSync(outFile)).toBe(false);
  });

  it('refuses malformed ids and hosts, naming the variable', () => {
    expect(() => packageValues({ MicrosoftAppId: 'my-bot', BOT_HOST: 'h.example' })).toThrow(
      'MicrosoftAppId must be a GUID',
    );
    expect(() => packageValues({ MicrosoftAppId: BOT_ID, TEAMS_APP_ID: 'x', BOT_HOST: 'h.example' })).toThrow(
      'TEAMS_APP_ID must be a GUID',
    );
    expect(() => packageValues({ MicrosoftAppId: BOT_ID, BOT_HOST: 'bad host!' })).toThrow(
      'BOT_HOST "bad host!" is not a host name',
    );
  });

  it('refuses to zip a template whose manifest is invalid, and writes nothing', async () => {
    const source = mkdtempSync(join(work, 'template-'));
    for (const name of ['color.png', 'outline.png', 'ja.json'])
      copyFileSync(join(TEAMS_DIR, name), join(source, name));
    const { developer: _dropped, ...broken } = template();
    writeFileSync(join(source, 'manifest.json'), JSON.stringify(broken));
    const outFile = zipPath();
    await expect(buildTeamsPackage({ env: {}, demo: true, outFile, sourceDir: source })).rejects.toThrow(
      /not valid[\s\S]*required property 'developer'/,
    );
    expect(existsSync(outFile)).toBe(false);
  });
});

describe('teams:package command', () => {
  it('prints the zip path in demo mode and says placeholders were kept', async () => {
    const outFile = zipPath();
    const result = await runPackageCli(['--demo', '--out', outFile], {});
    expect(result.code).toBe(0);
    expect(result.output.split('\n')[0]).toBe(outFile);
    expect(result.output).toContain('not for upload');
    expect(existsSync(outFile)).toBe(true);
  });

  it('exits 1 with the reason without MicrosoftAppId, and on an unknown argument', async () => {
    const missing = await runPackageCli(['--out', zipPath()], {});
    expect(missing).toMatchObject({ code: 1, output: expect.stringContaining('MicrosoftAppId is not set') });
    const unknown = await runPackageCli(['--upload'], {});
    expect(unknown).toMatchObject({
      code: 1,
      output: expect.stringContaining('Unknown argument "--upload"'),
    });
  });
});
