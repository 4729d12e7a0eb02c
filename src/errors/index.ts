export {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NetworkError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  type RequestDescription,
  TimeoutError,
  UnprocessableEntityError,
} from './api.js';
export { SupportkitError, type SupportkitErrorCode } from './base.js';
export {
  ChangeRefusedError,
  ExportStalledError,
  JobFailedError,
  PaginationLoopError,
  RequestAbortedError,
} from './operations.js';
export {
  SopInvalidMoveError,
  type SopInvalidMoveReason,
  type SopSourceIssue,
  SopSyntaxError,
} from './sop.js';
export {
  CrossOriginError,
  MalformedResponseError,
  type MalformedResponseReason,
} from './transport.js';
export { UnsupportedError } from './unsupported.js';
export { formatPath, ValidationError, type ValidationIssue } from './validation.js';
export { type WebhookFailureReason, WebhookVerificationError } from './webhook.js';
