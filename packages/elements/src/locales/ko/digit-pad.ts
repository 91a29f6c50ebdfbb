/** Korean messages of cs-digit-pad (see ../ko.ts). */
import { str } from "@lit/localize";

export const templates = {
  "digit-pad.pad-label": "그리기 판",
  "digit-pad.pad-description":
    "마우스, 펜 또는 손가락으로 숫자를 그리세요. 이 판은 키보드로 그릴 수 없습니다. 키보드 사용자는 아래에서 테스트 숫자를 고르거나(화살표 키로 이동, Enter로 선택) 판을 지울 수 있습니다.",
  "digit-pad.placeholder": "여기에 숫자를 그리세요",
  "digit-pad.hint": "점선 상자를 채우세요.",
  "digit-pad.clear": "지우기",
  "digit-pad.preview-heading": "신경망이 보는 것",
  "digit-pad.preview-detail": "28 × 28 픽셀, MNIST처럼 잉크의 무게중심을 가운데에 맞춤",
  "digit-pad.preview-label": "신경망이 보는 것: 20 × 20으로 줄여 28 × 28 픽셀 가운데에 놓은 숫자",
  "digit-pad.preview-label-empty": "신경망이 보는 것: 아직 없음",
  "digit-pad.preview-empty": "아직 없음",
  "digit-pad.strip-label": "또는 테스트 숫자 고르기",
  "digit-pad.sample": str`테스트 숫자 ${0}`,
  "digit-pad.more": "다른 숫자",
  "digit-pad.loading": "테스트 숫자를 불러오는 중…",
  "digit-pad.no-digits": "테스트 숫자가 없습니다.",
  "digit-pad.load-error": str`테스트 숫자를 불러오지 못했습니다(${0}). 그리기는 계속 할 수 있습니다.`,
  "digit-pad.draw-error": str`그림을 읽을 수 없습니다: ${0}`,
  "digit-pad.live-draw": "그린 숫자를 신경망에 보냈습니다.",
  "digit-pad.live-sample": str`신경망에 보낸 테스트 숫자: ${0}.`,
  "digit-pad.live-clear": "판을 지웠습니다.",
};
