/**
 * The checks of an evidence verification, in the order they are shown (web page and offline CLI), with their Chinese
 * names: the labels of EvidenceCheck (enums.ts), kept in a module without zod so the public verification page can
 * read them without it (issue 15).
 */
export const EVIDENCE_CHECK_LABELS = {
  format: '验证包格式',
  key: '日志公钥',
  signature: '检查点签名',
  origin: '日志标识',
  extra: '存证信息',
  entry: '叶子条目重建',
  digest: '文件摘要一致',
  inclusion: '包含证明',
  consistency: '与最新检查点一致',
  timestamp: '可信时间戳',
} as const;
