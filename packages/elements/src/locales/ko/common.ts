/** Korean messages shared by every element (see ../ko.ts). */
export const templates = {
  "common.loading": "불러오는 중…",
  "common.error": "오류",
  "common.untrained": "학습되지 않은 가중치",
};
