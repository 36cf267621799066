// 广州市 and its eleven districts with their administrative division codes (GB/T 2260), the area part of a
// USCC and the keys of the regional statistics.
export const CITY = { code: '440100', name: '广州市' } as const;

export const TIANHE = { code: '440106', name: '天河区' } as const;

export const DISTRICTS = [
  { code: '440103', name: '荔湾区' },
  { code: '440104', name: '越秀区' },
  { code: '440105', name: '海珠区' },
  TIANHE,
  { code: '440111', name: '白云区' },
  { code: '440112', name: '黄埔区' },
  { code: '440113', name: '番禺区' },
  { code: '440114', name: '花都区' },
  { code: '440115', name: '南沙区' },
  { code: '440117', name: '从化区' },
  { code: '440118', name: '增城区' },
] as const;

export type DistrictName = (typeof DISTRICTS)[number]['name'];

export function districtCode(name: DistrictName): string {
  const district = DISTRICTS.find((d) => d.name === name);
  if (!district) throw new Error(`unknown district ${name}`);
  return district.code;
}

/** The statistics years the demo registry holds (enterprise figures); regional figures start a year later. */
export const STAT_YEARS = [2020, 2021, 2022, 2023] as const;
export const REGION_YEARS = [2021, 2022, 2023] as const;
