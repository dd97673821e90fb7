// Original file: proto/strata/v1/admin.proto

export interface Topic {
  name?: string;
  partitions?: number;
}

export interface Topic__Output {
  name: string;
  partitions: number;
}
