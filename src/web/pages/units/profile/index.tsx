import { useParams } from 'react-router-dom';
import { UnitProfile } from '../components/UnitProfile';

/** /units/:id — any unit the user may see; others answer "单位不存在或无权查看". */
export default function UnitProfilePage() {
  const { id = '' } = useParams();
  return <UnitProfile key={id} unitId={id} />;
}
