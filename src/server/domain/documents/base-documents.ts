/**
 * The certificate and plaque of a certified base, fed by the registry detail the public page shows (one source of
 * its numbers). They are the unit's papers: its own users, the officers who may read its application (the unit's
 * bureaus and the certifying bureau) and administrators download them; anyone else gets 404, the anonymous 401.
 * A revoked base has no valid certificate or plaque to issue (409); its registry page says why.
 */
import { chineseDate } from '../../../core/applications/guards';
import type { Actor } from '../../context';
import type { Executor } from '../../db/client';
import { AppError, notFound, unauthenticated } from '../../errors';
import type { BaseDocumentData } from '../../pdf/base-certificate';
import { publicUrl } from '../../pdf/layout';
import { registryDetail } from '../registry/registry-queries';

/** The registry page's own address of a base, for its QR code. */
export const registryPath = (certificateNo: string) => `/registry/${encodeURIComponent(certificateNo)}`;

export async function baseDocumentData(
  db: Executor,
  actor: Actor | null,
  certificateNo: string,
  baseUrl: string,
): Promise<BaseDocumentData> {
  if (!actor) throw unauthenticated();
  const detail = await registryDetail(db, actor, certificateNo);
  if (!detail.documents.holder) throw notFound('示范基地');
  if (detail.revocation) {
    throw new AppError(
      'conflict',
      `该示范基地已于${chineseDate(detail.revocation.revokedOn)}被撤销认定，认定证书和牌匾不再有效`,
      { details: { reason: 'base_revoked' } },
    );
  }
  return {
    certificateNo: detail.certificateNo,
    unitName: detail.unitName,
    designation: detail.designation,
    issuer: detail.issuer,
    decisionForm: detail.decision.form,
    decisionNumber: detail.decision.number,
    decidedOn: detail.decision.decidedOn,
    year: detail.year,
    // certify-hook.ts writes "<unit> <kind title>" unless the officer gives the plaque's text.
    customPlaqueText: detail.plaqueText === `${detail.unitName} ${detail.title}` ? null : detail.plaqueText,
    registryUrl: publicUrl(baseUrl, registryPath(detail.certificateNo)),
  };
}
