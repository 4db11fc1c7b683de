import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { listUnitSubmissions } from '../domain/evidence/evidence-queries';
import { evidenceView } from '../domain/evidence/evidence-view';
import {
  consistencyProof,
  evidenceBundle,
  findByCertificateNumber,
  inclusionProof,
} from '../domain/evidence/prove-evidence';
import { submitEvidence } from '../domain/evidence/submit-evidence';
import { verifyEvidence } from '../domain/evidence/verify-evidence';
import { forbidden } from '../errors';
import type { EvidenceLog } from '../evidence/evidence-log';
import { requireActor } from '../http/session';
import { renderEvidenceCertificate } from '../pdf/evidence-certificate';
import { publicUrl } from '../pdf/layout';
import { DateTime, errorResponses, IdParams, PagingQuery, pageOf, publicBase } from './common';

const EvidenceSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  creditCode: z.string(),
  algorithm: z.string(),
  digest: z.string(),
  label: z.string(),
  createdAt: DateTime,
  status: z.enum(['pending', 'sealed']),
  leafIndex: z.number().nullable(),
  certificateNo: z.string().nullable(),
  treeSize: z.number().nullable(),
  rootHash: z.string().nullable(),
  timestampTime: DateTime.nullable(),
});

const EvidenceInputSchema = z
  .object({
    algorithm: z.enum(['sha256', 'sm3'], { error: '仅支持 sha256 与 sm3' }),
    digest: z.string().regex(/^[0-9a-fA-F]{64}$/, '摘要应为64位十六进制字符串'),
    label: z.string().trim().min(1, '请填写存证名称').max(100, '存证名称不能超过100个字'),
  })
  .strict();

const Uint = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const ProofSchema = z.object({ hashes: z.array(z.string()) });

export const evidenceRoutes =
  (db: Db, log: EvidenceLog, config: Config): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/evidence/entries',
      {
        schema: {
          tags: ['evidence'],
          summary: '提交存证（仅摘要；文件不上传）。已发布的检查点覆盖该条目后返回。',
          body: EvidenceInputSchema,
          response: { 200: EvidenceSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return submitEvidence(db, request.ctx, request.body, log.sequencer);
      },
    );

    app.get(
      '/evidence/entries',
      {
        schema: {
          tags: ['evidence'],
          summary: '本单位的存证',
          querystring: z.object(PagingQuery).strict(),
          response: { 200: pageOf(EvidenceSchema), ...errorResponses },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        if (!actor.unitId) throw forbidden('只有申报单位（企业）账号有存证记录');
        const page = await listUnitSubmissions(db, actor.unitId, request.query.page, request.query.pageSize);
        return { items: await Promise.all(page.items.map((row) => evidenceView(db, row))), total: page.total };
      },
    );

    const Check = z.object({ status: z.enum(['pass', 'fail', 'skipped']), detail: z.string() });
    app.post(
      '/evidence/verify',
      {
        schema: {
          tags: ['evidence'],
          summary: '公开验证：验证包或证书编号，加上在浏览器本地计算的文件摘要（原文件不上传）',
          security: [],
          body: z
            .object({
              bundle: z.string().max(200_000).optional(),
              certificateNo: z.string().max(40).optional(),
              algorithm: z.enum(['sha256', 'sm3']).optional(),
              digest: z
                .string()
                .regex(/^[0-9a-fA-F]{64}$/, '摘要应为64位十六进制字符串')
                .optional(),
            })
            .strict(),
          response: {
            200: z.object({
              ok: z.boolean(),
              checks: z.record(z.string(), Check),
              leafIndex: z.number().nullable(),
              treeSize: z.number().nullable(),
              timestampTime: z.string().nullable(),
              metadata: z.record(z.string(), z.unknown()).nullable(),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => verifyEvidence(db, log, request.body),
    );

    app.get(
      '/evidence/checkpoint',
      { schema: { tags: ['evidence'], summary: '最新的签名检查点（C2SP signed note，text/plain）', security: [] } },
      async (_request, reply) => {
        const latest = await log.latestSignedNote();
        return reply.type('text/plain; charset=utf-8').send(latest);
      },
    );

    app.get(
      '/evidence/proofs/inclusion',
      {
        schema: {
          tags: ['evidence'],
          summary: '包含证明（RFC 9162）',
          security: [],
          querystring: z.object({ index: Uint, size: Uint }).strict(),
          response: { 200: ProofSchema.extend({ index: z.number(), size: z.number() }), ...errorResponses },
        },
      },
      async (request) => inclusionProof(db, request.query.index, request.query.size),
    );

    app.get(
      '/evidence/proofs/consistency',
      {
        schema: {
          tags: ['evidence'],
          summary: '一致性证明（RFC 9162）',
          security: [],
          querystring: z.object({ from: Uint, to: Uint }).strict(),
          response: { 200: ProofSchema.extend({ from: z.number(), to: z.number() }), ...errorResponses },
        },
      },
      async (request) => consistencyProof(db, request.query.from, request.query.to),
    );

    app.get(
      '/evidence/keys',
      {
        schema: {
          tags: ['evidence'],
          summary: '日志验证公钥（signed-note 格式）与时间戳证书',
          security: [],
          response: {
            200: z.object({ origin: z.string(), verifierKey: z.string(), tsaCertificate: z.string().nullable() }),
          },
        },
      },
      async () => ({
        origin: log.origin,
        verifierKey: log.verifierKey,
        tsaCertificate: log.timestamper.certificatePem,
      }),
    );

    app.get(
      '/evidence/entries/:id/bundle',
      {
        schema: {
          tags: ['evidence'],
          summary: '离线验证包（.tlog-proof，含时间戳令牌）',
          security: [],
          params: IdParams,
        },
      },
      async (request, reply) => {
        const { row, bundle } = await evidenceBundle(db, request.params.id);
        return reply
          .type('text/plain; charset=utf-8')
          .header('content-disposition', `attachment; filename="evidence-${Number(row.leafIndex)}.tlog-proof"`)
          .send(bundle);
      },
    );

    app.get(
      '/evidence/entries/:id/certificate',
      { schema: { tags: ['evidence'], summary: '存证证书（PDF）', security: [], params: IdParams } },
      async (request, reply) => {
        const { row, checkpoint } = await evidenceBundle(db, request.params.id);
        const view = await evidenceView(db, row);
        const pdf = await renderEvidenceCertificate({
          certificateNo: view.certificateNo!,
          unitName: view.unitName,
          creditCode: view.creditCode,
          label: view.label,
          algorithm: view.algorithm,
          digest: view.digest,
          timestampTime: checkpoint.timestampTime,
          origin: log.origin,
          leafIndex: view.leafIndex!,
          treeSize: Number(checkpoint.treeSize),
          rootHash: view.rootHash!,
          keyId: log.verifierKey.split('+').slice(0, 2).join('+'),
          verifyUrl: publicUrl(publicBase(config), `/verify?no=${encodeURIComponent(view.certificateNo!)}`),
        });
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${view.certificateNo}.pdf"`)
          .send(Buffer.from(pdf));
      },
    );

    app.get(
      '/evidence/certificates/:certificateNo',
      {
        schema: {
          tags: ['evidence'],
          summary: '按证书编号查询存证（公开验证页使用）',
          security: [],
          params: z.object({ certificateNo: z.string().max(40) }).strict(),
          response: { 200: EvidenceSchema.extend({ bundle: z.string() }), ...errorResponses },
        },
      },
      async (request) => {
        const row = await findByCertificateNumber(db, request.params.certificateNo);
        const { bundle } = await evidenceBundle(db, row.id);
        return { ...(await evidenceView(db, row)), bundle };
      },
    );
  };
