/** Korean messages of cs-model-summary (see ../ko.ts). Numbers keep the same digits and commas. */
import { str } from "@lit/localize";

export const templates = {
  "model-summary.empty": "요약할 모델이 없습니다.",
  "model-summary.error": str`이 모델을 요약할 수 없습니다: ${0}`,
  "model-summary.caption": str`${0}의 층별 요약`,
  "model-summary.figure-params": "파라미터",
  "model-summary.figure-non-trainable": str`학습되지 않는 파라미터 ${0}개`,
  "model-summary.figure-connections": "연결",
  "model-summary.figure-macs": "곱셈-덧셈",
  "model-summary.col-layer": "층 (종류)",
  "model-summary.col-shape": "출력 모양",
  "model-summary.col-params": "파라미터",
  "model-summary.col-non-trainable": "학습 안 됨",
  "model-summary.col-connections": "연결",
  "model-summary.col-macs": "곱셈-덧셈",
  "model-summary.total": "합계",
  "model-summary.chart-heading-params": "파라미터는 어디에 있나",
  "model-summary.chart-heading-macs": "곱셈-덧셈은 어디서 일어나나",
  "model-summary.toggle": "막대가 보여 주는 것",
  "model-summary.bar-params": str`${0}: 파라미터 ${1}개 (${2})`,
  "model-summary.bar-macs": str`${0}: 곱셈-덧셈 ${1}회 (${2})`,
  "model-summary.chart-params": str`층별 파라미터 비율. 가장 큰 층: ${0}.`,
  "model-summary.chart-macs": str`층별 곱셈-덧셈 비율. 가장 큰 층: ${0}.`,
};
