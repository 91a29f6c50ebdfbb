/** Korean messages of cs-connection-table (see ../ko.ts). */
import { str } from "@lit/localize";

export const templates = {
  "connection-table.empty": "연결 표가 없습니다: `table` 또는 `simulator`를 설정하세요.",
  "connection-table.no-layer": str`합성곱 층을 찾을 수 없습니다: "${0}".`,
  "connection-table.hint": str`열에 포인터를 올리거나 포커스하면 그 ${1} 맵에 입력되는 ${0} 맵이 보입니다.`,
  "connection-table.reads": str`${0} 맵 ${1}의 입력: ${2} 맵 ${3}.`,
  "connection-table.feeds": str`${0} 맵 ${1}의 출력이 가는 곳: ${2} 맵 ${3}.`,
  "connection-table.group-all": str`${0}개 모두`,
  "connection-table.group-contiguous": str`연속 ${0}개`,
  "connection-table.group-scattered": str`비연속 ${0}개`,
  "connection-table.full": "모든 입력 맵이 모든 출력 맵에 연결됩니다: 완전 연결 방식입니다.",
  "connection-table.why":
    "왜 연결을 끊었을까요? LeCun 등(1998)은 두 가지 이유를 듭니다. 불완전한 연결 방식은 연결 수를 적당한 범위로 유지하고, 네트워크의 대칭성을 깨뜨려 서로 다른 입력 집합을 받는 맵들이 서로 다른 (바라건대 상호 보완적인) 특징을 추출하도록 강제합니다.",
  "connection-table.caption": str`각 ${1} 맵에 입력되는 ${0} 맵`,
  "connection-table.count": str`가능한 연결 ${1}개 중 ${0}개`,
  "connection-table.axis-col": str`${0} 맵 →`,
  "connection-table.axis-row": str`${0} 맵 ↓`,
  "connection-table.linked": "연결됨",
  "connection-table.unlinked": "연결 안 됨",
};
