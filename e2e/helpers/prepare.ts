/**
 * Other units' applications that a browser test needs around the one it drives (a quota needs competitors), made
 * through the API the way their own applicants would.
 */
import { buildUnit } from '../../test/helpers/factories';
import { answerAll, fillForm } from '../../test/helpers/form-fill';
import { type ApiSession, apiAs } from './api';

interface Programme {
  id: string;
  code: string;
}
interface Application {
  id: string;
  version: number;
  form: { fields: Parameters<typeof fillForm>[0] } | null;
  formData: Record<string, unknown>;
}

/** Registers an enterprise in the jurisdiction with an applicant account; returns its logged-in session. */
export async function newApplicantUnit(jurisdictionCode: string, username: string, name: string) {
  const admin = await apiAs('admin');
  try {
    const unit = await admin.send<{ unit: { id: string } }>('POST', '/units', buildUnit({ jurisdictionCode, name }));
    await admin.send('POST', '/users', {
      username,
      displayName: `${name}联络员`,
      password: 'applicant-123',
      role: 'applicant',
      unitId: unit.unit.id,
    });
  } finally {
    await admin.dispose();
  }
  return apiAs(username, 'applicant-123');
}

/** A complete, submitted application of the session's unit, its self-assessment answered at `share` of the points. */
export async function submitApplication(applicant: ApiSession, code: string, kindId: string, share: number) {
  const programmes = await applicant.get<{ items: Programme[] }>('/programs', { status: 'published' });
  const programme = programmes.items.find((p) => p.code === code)!;
  const assessment = await applicant.send<{ id: string; version: number; rubric: Parameters<typeof answerAll>[0] }>(
    'POST',
    '/self-assessments',
    { programmeId: programme.id, kindId },
  );
  await applicant.send('PATCH', `/self-assessments/${assessment.id}`, {
    version: assessment.version,
    answers: answerAll(assessment.rubric, share),
  });
  const draft = await applicant.send<Application>('POST', '/applications', { selfAssessmentId: assessment.id });
  const filled = await applicant.send<Application>('PATCH', `/applications/${draft.id}`, {
    version: draft.version,
    formData: fillForm(draft.form?.fields ?? [], draft.formData),
    narrative: '建立了商业秘密保护制度，设专人负责。',
    applicantOpinion: '同意申报。',
  });
  return applicant.send<Application>('POST', `/applications/${draft.id}/transitions`, {
    action: 'submit',
    version: filled.version,
  });
}
