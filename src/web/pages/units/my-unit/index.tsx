import { useCurrentUser } from '../../../app/auth';
import { Exception } from '../../../components/Exception';
import { UnitProfile } from '../components/UnitProfile';

/** /my-unit — an applicant's own unit. */
export default function MyUnitPage() {
  const user = useCurrentUser();
  if (!user.unitId) return <Exception status={404} title="账号未绑定单位" subTitle="请联系系统管理员绑定本单位。" />;
  return <UnitProfile unitId={user.unitId} />;
}
