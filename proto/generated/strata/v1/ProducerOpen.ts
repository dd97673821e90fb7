// Original file: proto/strata/v1/messaging.proto

export interface ProducerOpen {
  topic?: string;
  producerName?: string;
  properties?: { [key: string]: string };
}

export interface ProducerOpen__Output {
  topic: string;
  producerName: string;
  properties: { [key: string]: string };
}
