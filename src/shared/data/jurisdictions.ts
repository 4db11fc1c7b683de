/**
 * The jurisdiction tree seeded on every start: GB/T 2260 administrative division codes for every place the seed
 * documents name (Shanghai and all its districts; Beijing and all its districts; Zhejiang, Shaoxing and the six
 * county-level units of 002 annex 1; Hubei, Wuhan and its thirteen districts), plus Wuhan's functional zones named in
 * 003. Functional zones have no GB/T 2260 code: 420171–420173 are local codes chosen outside the range of real
 * districts. 003 misprints 硚口 as 研口; the name here is the correct one. Ordered parents before children.
 */
import type { JurisdictionLevel } from '../enums';

export interface JurisdictionSeed {
  code: string;
  name: string;
  level: JurisdictionLevel;
  parentCode: string | null;
}

export const JURISDICTIONS: readonly JurisdictionSeed[] = [
  { code: '000000', name: '全国', level: 'national', parentCode: null },
  { code: '110000', name: '北京市', level: 'provincial', parentCode: '000000' },
  { code: '110101', name: '东城区', level: 'district', parentCode: '110000' },
  { code: '110102', name: '西城区', level: 'district', parentCode: '110000' },
  { code: '110105', name: '朝阳区', level: 'district', parentCode: '110000' },
  { code: '110106', name: '丰台区', level: 'district', parentCode: '110000' },
  { code: '110107', name: '石景山区', level: 'district', parentCode: '110000' },
  { code: '110108', name: '海淀区', level: 'district', parentCode: '110000' },
  { code: '110109', name: '门头沟区', level: 'district', parentCode: '110000' },
  { code: '110111', name: '房山区', level: 'district', parentCode: '110000' },
  { code: '110112', name: '通州区', level: 'district', parentCode: '110000' },
  { code: '110113', name: '顺义区', level: 'district', parentCode: '110000' },
  { code: '110114', name: '昌平区', level: 'district', parentCode: '110000' },
  { code: '110115', name: '大兴区', level: 'district', parentCode: '110000' },
  { code: '110116', name: '怀柔区', level: 'district', parentCode: '110000' },
  { code: '110117', name: '平谷区', level: 'district', parentCode: '110000' },
  { code: '110118', name: '密云区', level: 'district', parentCode: '110000' },
  { code: '110119', name: '延庆区', level: 'district', parentCode: '110000' },
  { code: '310000', name: '上海市', level: 'provincial', parentCode: '000000' },
  { code: '310101', name: '黄浦区', level: 'district', parentCode: '310000' },
  { code: '310104', name: '徐汇区', level: 'district', parentCode: '310000' },
  { code: '310105', name: '长宁区', level: 'district', parentCode: '310000' },
  { code: '310106', name: '静安区', level: 'district', parentCode: '310000' },
  { code: '310107', name: '普陀区', level: 'district', parentCode: '310000' },
  { code: '310109', name: '虹口区', level: 'district', parentCode: '310000' },
  { code: '310110', name: '杨浦区', level: 'district', parentCode: '310000' },
  { code: '310112', name: '闵行区', level: 'district', parentCode: '310000' },
  { code: '310113', name: '宝山区', level: 'district', parentCode: '310000' },
  { code: '310114', name: '嘉定区', level: 'district', parentCode: '310000' },
  { code: '310115', name: '浦东新区', level: 'district', parentCode: '310000' },
  { code: '310116', name: '金山区', level: 'district', parentCode: '310000' },
  { code: '310117', name: '松江区', level: 'district', parentCode: '310000' },
  { code: '310118', name: '青浦区', level: 'district', parentCode: '310000' },
  { code: '310120', name: '奉贤区', level: 'district', parentCode: '310000' },
  { code: '310151', name: '崇明区', level: 'district', parentCode: '310000' },
  { code: '330000', name: '浙江省', level: 'provincial', parentCode: '000000' },
  { code: '330600', name: '绍兴市', level: 'municipal', parentCode: '330000' },
  { code: '330602', name: '越城区', level: 'district', parentCode: '330600' },
  { code: '330603', name: '柯桥区', level: 'district', parentCode: '330600' },
  { code: '330604', name: '上虞区', level: 'district', parentCode: '330600' },
  { code: '330624', name: '新昌县', level: 'district', parentCode: '330600' },
  { code: '330681', name: '诸暨市', level: 'district', parentCode: '330600' },
  { code: '330683', name: '嵊州市', level: 'district', parentCode: '330600' },
  { code: '420000', name: '湖北省', level: 'provincial', parentCode: '000000' },
  { code: '420100', name: '武汉市', level: 'municipal', parentCode: '420000' },
  { code: '420102', name: '江岸区', level: 'district', parentCode: '420100' },
  { code: '420103', name: '江汉区', level: 'district', parentCode: '420100' },
  { code: '420104', name: '硚口区', level: 'district', parentCode: '420100' },
  { code: '420105', name: '汉阳区', level: 'district', parentCode: '420100' },
  { code: '420106', name: '武昌区', level: 'district', parentCode: '420100' },
  { code: '420107', name: '青山区', level: 'district', parentCode: '420100' },
  { code: '420111', name: '洪山区', level: 'district', parentCode: '420100' },
  { code: '420112', name: '东西湖区', level: 'district', parentCode: '420100' },
  { code: '420113', name: '汉南区', level: 'district', parentCode: '420100' },
  { code: '420114', name: '蔡甸区', level: 'district', parentCode: '420100' },
  { code: '420115', name: '江夏区', level: 'district', parentCode: '420100' },
  { code: '420116', name: '黄陂区', level: 'district', parentCode: '420100' },
  { code: '420117', name: '新洲区', level: 'district', parentCode: '420100' },
  // Functional zones named in 003. They have no GB/T 2260 code: 420171–420173 are local codes of this platform, in the
  // 7x range that no real Wuhan district uses. 003 calls the last one 东湖风景区.
  { code: '420171', name: '东湖新技术开发区', level: 'functional_zone', parentCode: '420100' },
  { code: '420172', name: '武汉经济技术开发区', level: 'functional_zone', parentCode: '420100' },
  { code: '420173', name: '东湖生态旅游风景区', level: 'functional_zone', parentCode: '420100' },
];
