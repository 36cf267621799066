// Types of the HTTP API as the web app consumes it, taken from the shared schemas with type-only imports so
// no zod reaches the browser bundle.
import type { Simulation, SimulationResponse } from '../../shared/api/rules';

export type {
  AdminUser,
  AdminUserListResponse,
  ChangeRoleBody,
  CreateUserBody,
  ResetPasswordBody,
  ResetPasswordResponse,
} from '../../shared/api/admin';
export type { Application, OpenCall, StaffApplications } from '../../shared/api/applications';
export type { AuditEvent, AuditEventsResponse, AuditVerifyResponse } from '../../shared/api/audit';
export type {
  Enterprise,
  EnterpriseListResponse,
  EnterpriseStat,
  MyEnterprise,
} from '../../shared/api/enterprises';
export type {
  Notice,
  PublicProgram,
  PublicProgramDetail,
  StaffProgram,
  StaffProgramDetail,
} from '../../shared/api/programs';
export type {
  ImportProgramResponse as ImportResult,
  ValidateProgramFileResponse as ValidateResult,
} from '../../shared/api/rules';
export type {
  ChangePasswordBody,
  LoginBody,
  RegisterBody,
  SessionResponse,
  TotpSetupResponse,
  User,
  UserResponse,
} from '../../shared/api/session';
export type { Simulation, SimulationResponse };

/** One error of a validation, as the API's error body and the program-file validator both give it. */
export interface FieldError {
  path?: string;
  code: string;
  message: string;
}

export type SimulationApplicant = Simulation['applicants'][number];
export type SimulationComparison = NonNullable<SimulationResponse['comparison']>;
