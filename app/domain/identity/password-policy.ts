/** Shared by the server check and the form's hint. */
export const MIN_PASSWORD_LENGTH = 8
