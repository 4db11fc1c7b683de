import { useCurrentUser } from '../../../app/auth';
import { Exception } from '../../../components/Exception';
import { ContactFirmCard } from '../components/ContactFirmCard';
import { UnitProfile } from '../components/UnitProfile';

/** /my-unit — an applicant's own unit, and what its bureau shares with it as a contact firm. */
export default function MyUnitPage() {
  const user = useCurrentUser();
  if (!user.unitId) return <Exception status={404} title="账号未绑定单位" subTitle="请联系系统管理员绑定本单位。" />;
  return (
    <>
      <UnitProfile unitId={user.unitId} />
      <ContactFirmCard unitId={user.unitId} />
    </>
  );
}
