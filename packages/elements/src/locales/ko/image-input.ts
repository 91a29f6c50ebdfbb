/** Korean messages of cs-image-input (see ../ko.ts). */
import { str } from "@lit/localize";

export const templates = {
  "image-input.pick": "사진 고르기",
  "image-input.file": "내 사진 쓰기…",
  "image-input.drop-hint": "또는 여기에 끌어다 놓으세요. 사진은 내 컴퓨터를 떠나지 않습니다.",
  "image-input.sample-chelsea": "고양이 첼시",
  "image-input.sample-coffee": "커피 한 잔",
  "image-input.sample-astronaut": "우주비행사 아일린 콜린스",
  "image-input.sample-rocket": "팰컨 9의 DSCOVR 발사",
  "image-input.sample-camera": "카메라맨",
  "image-input.licence-public-domain": "퍼블릭 도메인",
  "image-input.caption": str`${0} — ${1}, ${2}`,
  "image-input.file-caption": str`${0} (내 사진, 이 페이지 안에서만 읽음)`,
  "image-input.loading": "사진을 불러오는 중…",
  "image-input.error": str`사진을 읽지 못했습니다(${0}).`,
  "image-input.error-kept": str`사진을 읽지 못했습니다(${0}). 이전 사진을 그대로 씁니다.`,
  "image-input.live": str`모델 입력: ${0}, ${1} × ${2} 픽셀.`,
  "image-input.input-label": str`모델 입력: ${0} × ${1} 픽셀`,
  "image-input.input-heading": "신경망이 받는 것",
  "image-input.input-2012": "227 × 227 × 3, 0–255 값에서 평균을 뺌",
  "image-input.input-keras": "32 × 32 × 3, 확대해서 보임, 값 0–1",
  "image-input.step-scale": str`짧은 변을 ${0} px로 줄입니다: ${1} × ${2} → ${3} × ${4}.`,
  "image-input.step-crop": str`가운데 ${0} × ${1} 정사각형을 잘라냅니다: 열 ${2}–${3}, 행 ${4}–${5}.`,
  "image-input.step-cifar": "CIFAR-10 이미지의 크기입니다.",
  "image-input.step-divide": "255로 나눕니다: 값은 0에서 1 사이.",
  "image-input.step-mean-pixel": str`평균 픽셀(R ${0}, G ${1}, B ${2})을 뺍니다: 값은 약 ${3}에서 ${4} 사이.`,
  "image-input.step-mean-std": str`÷ ${0}, 그리고 채널(R, G, B)마다 평균(${1})을 빼고 표준편차(${2})로 나눕니다: 값은 약 ${3}에서 ${4} 사이.`,
  "image-input.step-resizing":
    "모델 안의 Resizing 층이 32 × 32 픽셀을 다시 224 × 224로 키웁니다: 신경망은 이 1,024개 픽셀을 부드럽게 늘린 것만 봅니다.",
  "image-input.step-mean":
    "ImageNet 평균 픽셀(R 123.68, G 116.78, B 103.94)을 뺍니다: 값은 약 −124에서 +151 사이.",
};
