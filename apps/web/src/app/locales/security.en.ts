import type securityZh from './security.zh-CN';
import type { Messages } from './zh-CN';

/** Two-step sign-in (authenticator codes), in English. */
const securityEn: Messages<typeof securityZh> = {
  title: 'Two-step sign-in',
  forcedTitle: 'Turn on two-step sign-in first',
  forcedIntro:
    'Hello {{name}}. Administrator accounts can see and manage many children’s records, so they must use two-step sign-in: besides the password, a 6-digit code from an authenticator app on your phone.',
  intro:
    'Once on, signing in needs your password and the 6-digit code from an authenticator app (Google Authenticator, Microsoft Authenticator, Tencent Authenticator …).',
  statusOn: 'Two-step sign-in is on',
  statusOff: 'Two-step sign-in is off',
  recoveryLeft: 'Recovery codes left: {{count}}',
  start: 'Set up',
  step1: '1. Scan the QR code with your authenticator app',
  qrAlt: 'QR code for two-step sign-in',
  manualKey: 'Cannot scan? Type this key into the app:',
  step2: '2. Enter the 6 digits the app shows',
  codeLabel: '6-digit code',
  codePlaceholder: '123456',
  confirm: 'Turn on',
  codesTitle: 'Save your recovery codes',
  codesIntro:
    'If you lose or change your phone, any one of these codes replaces the 6-digit code once. They are shown only now: write them down or download them and keep them safe; never post them in a chat.',
  copyAll: 'Copy all',
  download: 'Download as a text file',
  downloadName: 'shouwang-recovery-codes.txt',
  done: 'I saved them, continue',
  disableTitle: 'Turn off two-step sign-in',
  disableIntro: 'Enter your password and a code from the app (or a recovery code).',
  disableRequired:
    'Administrator accounts must use two-step sign-in; after turning it off you must set it up again (e.g. on a new phone).',
  password: 'Password',
  codeOrRecovery: 'Code or recovery code',
  disable: 'Turn off',
  disabled: 'Two-step sign-in is off',
  enabled: 'Two-step sign-in is on',
  loginCodeLabel: 'Code',
  loginCodeHint:
    'Open the authenticator app on your phone and enter the 6 digits shown for Shouwang. Without your phone, enter a recovery code.',
  loginCodePlaceholder: '6 digits or a recovery code',
  useOtherAccount: 'Use another account',
  menu: 'Two-step sign-in',
  reset: {
    action: 'Reset two-step sign-in',
    title: 'Reset two-step sign-in of “{{name}}”?',
    content:
      'Only when their phone is lost and the recovery codes are gone too. Their authenticator and recovery codes stop working and their sessions end; administrators must set up an authenticator again at the next sign-in.',
    identity: 'Check who they are in person or by phone first.',
    password: 'Your password',
    passwordHint: 'To confirm it is you, enter your own password (not theirs).',
    ok: 'Reset',
    done: 'Two-step sign-in of “{{name}}” reset; ask them to sign in and set up an authenticator again',
    on: 'Two-step sign-in on',
    pending: 'Two-step sign-in being set up',
  },
  resetNotice: {
    title: 'Your two-step sign-in was reset',
    text: '{{name}} reset your two-step sign-in on {{time}}; your old authenticator and recovery codes no longer work.',
    again: 'Please set up your authenticator again.',
    notYou: 'If you did not ask for this, contact an administrator at once.',
    setUp: 'Set up again',
  },
};

export default securityEn;
