/** The demo customers and shared step values of the みえますねっと transcripts (see docs/sandbox-demo-data.md). */
export const TWO = 'camera-two@example.com';
export const EMPTY = 'camera-empty@example.com';
export const MONTHLY = 'camera-monthly@example.com';
export const ALL_DEVICE_ACKS = ['no-refund', 'license-forfeit', 'data-loss'];
/** The calls identification makes. */
export const SIGN_IN = ['startVerification', 'confirmVerification'];
