/**
 * What may be uploaded, defined once for the server (which checks the bytes) and the browser (whose file chooser
 * offers only these types and which refuses an oversized file before sending it).
 */

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_ATTACHMENT_LABEL = '20 MB';

/** Accepted types by detected MIME; the label is what the user is told. */
export const ACCEPTED_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG 图片',
  'image/png': 'PNG 图片',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word 文档',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel 表格',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint 演示文稿',
  'application/x-cfb': 'Office 97–2003 文档',
  'application/zip': 'ZIP 压缩包',
};

/** The file names a chooser offers (the `accept` attribute) for the types above. */
export const ACCEPTED_EXTENSIONS = [
  '.pdf',
  '.jpg',
  '.jpeg',
  '.png',
  '.doc',
  '.docx',
  '.xls',
  '.xlsx',
  '.ppt',
  '.pptx',
  '.zip',
];
export const ACCEPT_ATTRIBUTE = ACCEPTED_EXTENSIONS.join(',');

export const TOO_LARGE_MESSAGE = `附件不能超过 ${MAX_ATTACHMENT_LABEL}`;
export const UNSUPPORTED_TYPE_MESSAGE = `不支持的文件类型，仅接受：${[...new Set(Object.values(ACCEPTED_TYPES))].join('、')}`;

/**
 * What is wrong with a file before it is sent, judged on its name and size (the server judges the bytes): null
 * when it may be uploaded.
 */
export function uploadProblem(file: { name: string; size: number }): string | null {
  if (file.size === 0) return `${file.name}：文件为空`;
  if (file.size > MAX_ATTACHMENT_BYTES) return `${file.name}：${TOO_LARGE_MESSAGE}`;
  const dot = file.name.lastIndexOf('.');
  const extension = dot >= 0 ? file.name.slice(dot).toLowerCase() : '';
  if (!ACCEPTED_EXTENSIONS.includes(extension)) return `${file.name}：${UNSUPPORTED_TYPE_MESSAGE}`;
  return null;
}
