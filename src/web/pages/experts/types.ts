/** Shapes of the expert registry API (src/server/routes/experts.ts) as the browser receives them. */
import { INDUSTRY_DIVISIONS } from '../../../shared/data/industries';
import type { ConflictKind, ConflictStatus, ExpertField, Role } from '../../../shared/enums';
import type { Availability, PersonLevel, PersonRecordKind, PersonRole, Profession } from '../../../shared/enums-people';

export interface Expert {
  id: string;
  name: string;
  affiliation: string;
  field: ExpertField;
  /** GB/T 4754 division codes. */
  industries: string[];
  /** The register of people: roles, profession, all fields, the bureau's own industries, level, availability. */
  roles: PersonRole[];
  profession: Profession | null;
  fields: ExpertField[];
  localIndustries: string[];
  level: PersonLevel | null;
  availability: Availability;
  availabilityNote: string | null;
  phone: string | null;
  email: string | null;
  background: string | null;
  jurisdictionCode: string;
  jurisdictionName: string;
  userId: string | null;
  username: string | null;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Whether the reader may edit it (its own registry or one below). */
  manageable: boolean;
}

export interface Conflict {
  id: string;
  expertId: string;
  expertName: string;
  unitId: string;
  unitName: string;
  kind: ConflictKind;
  status: ConflictStatus;
  note: string | null;
  declaredByName: string | null;
  declaredByRole: Role | null;
  decidedByName: string | null;
  decidedAt: string | null;
  createdAt: string;
}

export interface PersonRecord {
  id: string;
  kind: PersonRecordKind;
  occurredOn: string;
  title: string;
  description: string | null;
  caseRef: string | null;
  rightsClueId: string | null;
  rightsClueNo: string | null;
  recordedByName: string | null;
}

export interface ListOf<T> {
  items: T[];
  total: number;
}

const DIVISION_NAMES = new Map(INDUSTRY_DIVISIONS.map((d) => [d.code, d.name]));

/** "39 计算机、通信和其他电子设备制造业" for a division code. */
export function industryLabel(code: string): string {
  const name = DIVISION_NAMES.get(code);
  return name ? `${code} ${name}` : code;
}
