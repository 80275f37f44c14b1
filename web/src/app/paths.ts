// Paths the login page and the router need without loading the console.
export const LOGIN_PATH = '/login';
export const ACCOUNT_SECURITY_PATH = '/account-security';
export const CHANGE_PASSWORD_PATH = '/change-password';
