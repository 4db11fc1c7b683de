/** Download addresses of the official PDF documents (src/server/routes/documents.ts). */
import { API_BASE } from './api';

const registry = (certificateNo: string) => `${API_BASE}/registry/${encodeURIComponent(certificateNo)}`;

export const documentUrls = {
  certificate: (certificateNo: string) => `${registry(certificateNo)}/certificate`,
  plaque: (certificateNo: string) => `${registry(certificateNo)}/plaque`,
  certificationList: (certificateNo: string) => `${registry(certificateNo)}/certification-list`,
  applicationForm: (id: string) => `${API_BASE}/applications/${id}/documents/form`,
  expertSheet: (id: string, expertId: string) => `${API_BASE}/applications/${id}/documents/score-sheets/${expertId}`,
  panelSummary: (id: string) => `${API_BASE}/applications/${id}/documents/score-summary`,
  publicityNotice: (id: string) => `${API_BASE}/publicity/${id}/document`,
};
