/** API paths of the official PDF documents (src/server/routes/documents.ts), for `PdfButton`. */

const registry = (certificateNo: string) => `/registry/${encodeURIComponent(certificateNo)}`;

export const documentUrls = {
  certificate: (certificateNo: string) => `${registry(certificateNo)}/certificate`,
  plaque: (certificateNo: string) => `${registry(certificateNo)}/plaque`,
  certificationList: (certificateNo: string) => `${registry(certificateNo)}/certification-list`,
  applicationForm: (id: string) => `/applications/${id}/documents/form`,
  expertSheet: (id: string, expertId: string) => `/applications/${id}/documents/score-sheets/${expertId}`,
  panelSummary: (id: string) => `/applications/${id}/documents/score-summary`,
  publicityNotice: (id: string) => `/publicity/${id}/document`,
};
