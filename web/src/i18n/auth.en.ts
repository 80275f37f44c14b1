// English text of the login page (loaded with the first page; the rest comes with the console, see full.ts).
export const authEn = {
  app: { title: 'Trade Union Work Platform', subtitle: 'Organisation · Members · Work records' },
  login: {
    username: 'Username',
    password: 'Password',
    submit: 'Log in',
    usernameRequired: 'Enter your username',
    showPassword: 'Show password',
    hidePassword: 'Hide password',
    language: 'Language',
    copyright: 'Trade Union Work Platform · authorised users only',
    passwordRequired: 'Enter your password',
    footer:
      'Use the account your administrator gave you; after 3 wrong attempts each try waits longer, and 20 lock the account until a security admin unlocks it.',
  },
};
