/**
 * The export button of every list: sends the list's current filters (its query, without paging) to the list's
 * `…/export.xlsx` endpoint and saves the workbook the server streams back. Refusals show as every request's do.
 */
import { DownloadOutlined } from '@ant-design/icons';
import type { Query } from '../app/api';
import { DownloadButton } from './DownloadButton';

export interface ExportButtonProps {
  /** The list endpoint, e.g. "/applications": the export is "/applications/export.xlsx". */
  path: string;
  /** The list's query as the list sends it; paging is left out (the export holds every matching row). */
  query?: Query;
  label?: string;
}

export function ExportButton({ path, query = {}, label = '导出 Excel' }: ExportButtonProps) {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return (
    <DownloadButton path={`${path}/export.xlsx`} query={filters} icon={<DownloadOutlined />}>
      {label}
    </DownloadButton>
  );
}
