/** A multipart/form-data body with one file in the field `file`, as the upload routes take it, for `app.inject`. */
export function multipart(fileName: string, content: Buffer, mime = 'application/octet-stream') {
  const boundary = '----shangmi-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${mime}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
