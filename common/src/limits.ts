// String and page bounds shared by the console's forms and the server's schemas.
export const LIMITS = {
  name: 100,
  shortText: 50,
  text: 500,
  longText: 4000,
  username: 32,
  search: 50,
  pageSizeMax: 200,
  pageSizeDefault: 20,
} as const;

/** Working days a 会员接转 request waits for the receiving union before it expires (TRANSFER_EXPIRY_WORKING_DAYS). */
export const TRANSFER_EXPIRY_WORKING_DAYS_DEFAULT = 10;
