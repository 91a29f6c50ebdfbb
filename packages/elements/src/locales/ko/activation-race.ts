/** Korean messages of cs-activation-race (see ../ko.ts). */
import { str } from "@lit/localize";

export const templates = {
  "race.title": "ReLU 대 tanh: AlexNet의 그림 1을 페이지에서",
  "race.summary": str`같은 네트워크(${0}), 같은 시드, 같은 숫자와 같은 일반 SGD 일정으로, 활성화 함수만 바꾸어 한 번씩 학습합니다.`,
  "race.start": "경주 시작",
  "race.progress": "경주 진행",
  "race.status": str`${0}로 학습 중: ${2} 에포크 중 ${1}, ${4} 스텝 중 ${3}`,
  "race.axis.epochs": "에포크",
  "race.axis.error": "학습 오류율 (%)",
  "race.chart": "에포크에 따른 학습 오류율, ReLU와 tanh",
  "race.col.activation": "활성화 함수",
  "race.col.epochs": "25 %까지 에포크",
  "race.col.steps": "25 %까지 스텝",
  "race.col.final": "마지막 오류율",
  "race.not-reached": str`${0} 에포크 안에 도달하지 못함`,
  "race.no-ratio": "비율: – (두 학습 모두 25 %에 도달해야 합니다. 에포크를 늘려 보세요).",
  "race.ratio": str`tanh는 ReLU의 ${0}배 스텝이 필요했습니다.`,
  "race.ratio-reversed": str`여기서는 tanh가 먼저 도달했습니다: ReLU의 ${0}배 스텝이 걸렸습니다.`,
  "race.paper":
    "논문(Krizhevsky, Sutskever & Hinton 2012, 그림 1): ReLU를 쓴 4층 CNN은 CIFAR-10에서 25 % 학습 오류율에 tanh를 쓴 같은 네트워크보다 여섯 배 빨리 도달합니다. 두 네트워크의 학습률은 각각 따로 맞추었습니다.",
  "race.differs":
    "여기서 다른 점: CIFAR-10 사진이 아니라 MNIST 숫자, 논문의 4층이 아니라 합성곱 두 개에 가중치 6천 개인 네트워크, 두 학습에 같은 학습률. 쉬운 숫자와 얕은 네트워크에서는 tanh가 포화될 여지가 적어 차이가 여섯 배보다 작거나 없을 수 있습니다.",
};
