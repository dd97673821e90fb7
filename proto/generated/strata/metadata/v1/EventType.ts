// Original file: proto/strata/metadata/v1/metadata.proto

export const EventType = {
  PUT: 'PUT',
  DELETE: 'DELETE',
} as const;

export type EventType = 'PUT' | 0 | 'DELETE' | 1;

export type EventType__Output = (typeof EventType)[keyof typeof EventType];
