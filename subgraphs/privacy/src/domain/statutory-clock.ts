/** Days the organisation has to answer a privacy request, and the most one extension may add. */
export const RESPONSE_DAYS = 30;
export const MAX_EXTENSION_DAYS = 30;
