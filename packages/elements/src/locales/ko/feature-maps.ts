/** Korean messages of cs-feature-maps (see ../ko.ts). */
import { str } from "@lit/localize";

export const templates = {
  "feature-maps.no-simulator": "특징 맵을 보려면 이 요소에 시뮬레이터를 지정하세요.",
  "feature-maps.no-trace": "아직 추적이 없습니다. 네트워크를 실행하면 특징 맵이 나타납니다.",
  "feature-maps.unknown-layer": str`"${0}"라는 층이 없습니다. 층: ${1}.`,
  "feature-maps.input-name": "입력",
  "feature-maps.where-unit": str`유닛 ${0}`,
  "feature-maps.where-map": str`맵 ${0} · (${1}, ${2})`,
  "feature-maps.live-unit": str`${0}, 유닛 ${1} / ${2}: ${3}`,
  "feature-maps.live-map": str`${0}, 맵 ${1} / ${2}, 뉴런 (${3}, ${4}): ${5}`,
  "feature-maps.dims-units": str`유닛 ${0}개`,
  "feature-maps.dims-maps": str`맵 ${0}개 · ${1}×${2}`,
  "feature-maps.legend-label": str`색 척도: ${0}에서 ${1}까지`,
  "feature-maps.legend-map": str`맵 ${0}`,
  "feature-maps.below-hint": "뉴런을 강조하면 여기서 무엇을 읽는지 보입니다.",
  "feature-maps.below-all": str`${0} 유닛 ${1}의 입력: ${2}의 모든 값.`,
  "feature-maps.below-unit": str`${0} 유닛 ${1}의 입력: ${3}의 유닛 ${2}.`,
  "feature-maps.below-maps-all": str`${0} 맵 ${1}의 입력: ${3}의 맵 ${2}개 모두.`,
  "feature-maps.below-maps": str`${0} 맵 ${1}의 입력: ${4}의 맵 ${3}개 중 ${2}개(${5}).`,
  "feature-maps.below-heading": str`아래 층: ${0}`,
  "feature-maps.help-units":
    "화살표 키로 유닛 사이를 이동하고, Enter 키로 강조한 유닛으로 커서를 옮깁니다.",
  "feature-maps.help-maps":
    "화살표 키로 맵 안에서 이동하고, Page Up과 Page Down으로 맵을 바꾸며, Enter 키로 강조한 뉴런으로 커서를 옮깁니다.",
  "feature-maps.grid-label": str`${0}의 특징 맵, ${1}`,
  "feature-maps.readout-hint": "맵을 가리키면 값을 읽을 수 있습니다.",
  "feature-maps.readout-hint-units": "칸을 가리키면 값을 읽을 수 있습니다.",
};
