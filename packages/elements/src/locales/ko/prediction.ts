/** Korean messages of cs-prediction (see ../ko.ts). */
import { str } from "@lit/localize";

export const templates = {
  "prediction.heading": "예측",
  "prediction.empty": "아직 출력이 없습니다.",
  "prediction.rbf-note": "RBF 출력: 숫자 코드까지의 거리가 가장 짧은 것이 이깁니다.",
  "prediction.live": str`예측: ${0} (${1}).`,
};
