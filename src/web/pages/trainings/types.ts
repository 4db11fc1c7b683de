import type { TrainingAudience, TrainingKind, TrainingVenueRole } from '../../../shared/enums-trainings';

export interface Venue {
  id: string;
  role: TrainingVenueRole;
  name: string;
  hostJurisdictionCode: string;
  hostName: string;
  capacity: number;
  address: string | null;
  onlineUrl: string | null;
  registered: number;
  checkedIn: number;
  hosting?: boolean;
}

export interface TrainingEvent {
  id: string;
  kind: TrainingKind;
  title: string;
  description: string | null;
  ownerJurisdictionCode: string;
  ownerName: string;
  audience: TrainingAudience;
  startsOn: string;
  endsOn: string;
  cancelled: boolean;
  version: number;
  venues: Venue[];
}

export interface TrainingDetail extends TrainingEvent {
  sessions: {
    id: string;
    title: string;
    startsAt: string | null;
    speakerExpertId: string | null;
    speakerName: string | null;
    speakerTitle: string | null;
  }[];
  materials: { sha256: string; fileName: string }[];
  survey: { id: string; type: 'rating' | 'text'; text: string; optional?: boolean }[];
  canManage: boolean;
}

export interface Registration {
  id: string;
  venueId: string;
  venueName: string;
  kind: 'registered' | 'walk_in';
  unitId: string | null;
  unitName: string;
  attendeeName: string;
  position: string | null;
  checkedInAt: string | null;
  cancelledAt: string | null;
  feedbackAt: string | null;
  hosting?: boolean;
}
