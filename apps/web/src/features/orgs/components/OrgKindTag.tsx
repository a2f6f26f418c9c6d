import type { OrgKind } from '@shouwang/shared/roles';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const colors: Record<OrgKind, string> = {
  county: 'geekblue',
  township: 'cyan',
  village: 'gold',
  school: 'green',
  class: 'purple',
};

export function OrgKindTag({ kind }: { kind: OrgKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[kind]} variant="filled" style={{ marginInlineEnd: 0 }}>
      {t(`orgKinds.${kind}`)}
    </Tag>
  );
}
