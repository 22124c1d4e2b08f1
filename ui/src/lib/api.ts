// Typed calls into the Rust core. Every type here is generated from Rust (bindings/);
// this module only names the commands and turns their failures into FolioError.
import { invoke } from '@tauri-apps/api/core';
import type { CaseStudy } from './bindings/CaseStudy';
import type { ErrorInfo } from './bindings/ErrorInfo';
import type { Profile } from './bindings/Profile';
import type { Stats } from './bindings/Stats';
import type { Status } from './bindings/Status';
import type { Stored } from './bindings/Stored';

/** A failed command: branch on `code`, show `message`. */
export class FolioError extends Error {
  readonly code: string;
  readonly field: string | null;

  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = 'FolioError';
    this.code = info.code;
    this.field = info.field;
  }
}

function isErrorInfo(value: unknown): value is ErrorInfo {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}

/** Whatever a command rejected with, as a FolioError. */
export function toFolioError(reason: unknown): FolioError {
  if (reason instanceof FolioError) return reason;
  if (isErrorInfo(reason)) return new FolioError(reason);
  return new FolioError({ code: 'internal', message: String(reason), field: null, fields: [] });
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toFolioError(reason);
  }
}

export const api = {
  status: () => call<Status>('status'),
  startEmpty: () => call<null>('start_empty'),
  loadDemo: () => call<Stats>('load_demo'),
  profile: () => call<Profile>('get_profile'),
  caseStudies: () => call<Stored<CaseStudy>[]>('list_case_studies'),
};
