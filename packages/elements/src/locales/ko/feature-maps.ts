/** Korean messages (see ../ko.ts). */
export const templates = {};
