/**
 * Between the unit form's values and the API's UnitInput / UnitPatch: empty optional texts become null, contacts
 * are cleaned, and only associations send member units.
 */
import type { ContactRole, UnitKind } from '../../../../shared/enums';
import type { ContactInput, UnitInput, UnitPatch } from '../../../../shared/schemas/unit';
import type { UnitDetail } from '../../../app/types';
import { textOrNull } from '../../../components/form-rules';

export interface ContactFormValue {
  role: ContactRole;
  name?: string;
  department?: string;
  position?: string;
  officePhone?: string;
  mobile?: string;
  email?: string;
  remark?: string;
}

export interface UnitFormValues {
  kind: UnitKind;
  name: string;
  creditCode: string;
  legalRepresentative: string;
  address: string;
  postcode: string;
  industryCode: string;
  staffCount?: number | null;
  annualOutput?: number | null;
  jurisdictionCode: string;
  parkId?: string | null;
  memberIds?: string[];
  contacts?: ContactFormValue[];
}

function toContact(c: ContactFormValue): ContactInput {
  return {
    role: c.role,
    name: (c.name ?? '').trim(),
    department: textOrNull(c.department),
    position: textOrNull(c.position),
    officePhone: textOrNull(c.officePhone),
    mobile: textOrNull(c.mobile),
    email: textOrNull(c.email),
    remark: textOrNull(c.remark),
  };
}

/** The body of POST /units (and the `unit` of POST /auth/register). */
export function toUnitInput(values: UnitFormValues): UnitInput {
  return {
    kind: values.kind,
    name: values.name.trim(),
    creditCode: values.creditCode.trim(),
    legalRepresentative: values.legalRepresentative.trim(),
    address: values.address.trim(),
    postcode: values.postcode.trim(),
    industryCode: values.industryCode,
    staffCount: values.staffCount ?? null,
    annualOutput: values.annualOutput ?? null,
    jurisdictionCode: values.jurisdictionCode,
    parkId: values.kind === 'park' ? null : (values.parkId ?? null),
    ...(values.kind === 'association' ? { memberIds: values.memberIds ?? [] } : {}),
    contacts: (values.contacts ?? []).map(toContact),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The body of PATCH /units/:id: the fields that differ from what was read, with the version that was read.
 * Contacts and members replace the stored lists, so they are sent only when they changed.
 */
export function toUnitPatch(values: UnitFormValues, read: UnitDetail): UnitPatch {
  const { kind: _kind, contacts, memberIds, ...fields } = toUnitInput(values);
  const {
    kind: _readKind,
    contacts: readContacts,
    memberIds: readMembers,
    ...readFields
  } = toUnitInput(fromUnitDetail(read));
  const patch: UnitPatch = { version: read.version };
  for (const key of Object.keys(fields) as (keyof typeof fields)[]) {
    if (!same(fields[key], readFields[key])) Object.assign(patch, { [key]: fields[key] });
  }
  if (!same(contacts, readContacts)) patch.contacts = contacts;
  if (memberIds && !same([...memberIds].sort(), [...(readMembers ?? [])].sort())) patch.memberIds = memberIds;
  return patch;
}

export function fromUnitDetail(unit: UnitDetail): UnitFormValues {
  const opt = (v: string | null) => v ?? undefined;
  return {
    kind: unit.kind,
    name: unit.name,
    creditCode: unit.creditCode,
    legalRepresentative: unit.legalRepresentative,
    address: unit.address,
    postcode: unit.postcode,
    industryCode: unit.industryCode,
    staffCount: unit.staffCount,
    annualOutput: unit.annualOutput,
    jurisdictionCode: unit.jurisdictionCode,
    parkId: unit.parkId,
    memberIds: unit.members.map((m) => m.id),
    contacts: unit.contacts.map((c) => ({
      role: c.role,
      name: c.name,
      department: opt(c.department),
      position: opt(c.position),
      officePhone: opt(c.officePhone),
      mobile: opt(c.mobile),
      email: opt(c.email),
      remark: opt(c.remark),
    })),
  };
}
