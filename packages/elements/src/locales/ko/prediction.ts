/** Korean messages of cs-prediction (see ../ko.ts). */
import { str } from "@lit/localize";

export const templates = {
  "prediction.heading": "예측",
  "prediction.empty": "아직 출력이 없습니다.",
  "prediction.rbf-note": "RBF 출력: 숫자 코드까지의 거리가 가장 짧은 것이 이깁니다.",
  "prediction.live": str`예측: ${0} (${1}).`,
  "prediction.untrained":
    "학습되지 않은 가중치: 이 숫자들은 의미가 없습니다. 신경망이 아무것도 배우지 않았으므로 이기는 클래스도 없습니다.",
  "prediction.live-untrained": "학습되지 않은 가중치: 예측이 없습니다.",
};
