/** Korean messages of the explorers' presenter mode and export menu (see ../ko.ts). */
import { str } from "@lit/localize";

export const templates = {
  "presenter.enter": "발표 (전체 화면)",
  "presenter.leave": "전체 화면 끝내기",
  "presenter.layout": "발표자 배치",
  "export.menu": "내보내기",
  "export.menu-label": "그림 내보내기",
  "export.menu-network": "신경망 (SVG)",
  "export.menu-arithmetic": "뉴런 계산 (SVG)",
  "export.menu-maps": "특성 맵 (PNG, 2배)",
  "export.caption-layer": "층",
  "export.caption-map": "맵",
  "export.caption-at": "위치",
  "export.input-map": str`${0} 맵 ${1}`,
  "export.input-channel": str`채널 ${0}`,
  "export.patch": "입력 조각",
  "export.kernel": "커널",
  "export.products": "곱",
  "export.window": "창",
  "export.sum": "곱의 합 Σ",
  "export.bias": "편향",
  "export.pre-activation": "활성화 전 값",
  "export.output": "출력",
  "export.more": str`… 입력 맵 ${0}개 더, Σ = ${1}`,
  "export.terms": "가장 큰 항: 입력 × 가중치 = 곱",
};
