import type { ChildListItem } from '@shouwang/shared/schemas/children';
import type { PairingHelperView } from '@shouwang/shared/schemas/pairings';
import { Card, Checkbox, Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** One home village: its children (ticked to hand over) and the tutor who takes them. */
export function VillageHandoverGroup({
  villageName,
  items,
  helpers,
  selected,
  onSelect,
  tutorId,
  onTutor,
}: {
  villageName: string;
  items: ChildListItem[];
  helpers: PairingHelperView[];
  selected: string[];
  onSelect: (ids: string[]) => void;
  tutorId: string | undefined;
  onTutor: (id: string) => void;
}) {
  const { t } = useTranslation();
  const ids = items.map((c) => c.id);
  const chosen = ids.filter((id) => selected.includes(id));
  return (
    <Card
      size="small"
      data-testid="handover-village"
      title={
        <Checkbox
          checked={chosen.length === ids.length && ids.length > 0}
          indeterminate={chosen.length > 0 && chosen.length < ids.length}
          onChange={(e) =>
            onSelect(e.target.checked ? [...new Set([...selected, ...ids])] : selected.filter((s) => !ids.includes(s)))
          }
        >
          {t('careAdmin.handover.village', { village: villageName, count: items.length })}
        </Checkbox>
      }
    >
      <Flex wrap gap="4px 16px" style={{ marginBottom: 12 }}>
        {items.map((child) => (
          <Checkbox
            key={child.id}
            checked={selected.includes(child.id)}
            onChange={(e) =>
              onSelect(e.target.checked ? [...selected, child.id] : selected.filter((s) => s !== child.id))
            }
            style={{ minHeight: 32, alignItems: 'center' }}
            data-testid="handover-child"
          >
            {child.name}
            {child.class && (
              <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
                {child.class.name}
              </Typography.Text>
            )}
          </Checkbox>
        ))}
      </Flex>
      {helpers.length === 0 ? (
        <Typography.Text type="warning">{t('careAdmin.handover.noTutor')}</Typography.Text>
      ) : (
        <Select
          size="large"
          value={tutorId}
          onChange={onTutor}
          placeholder={t('careAdmin.handover.pickTutor')}
          aria-label={t('careAdmin.handover.tutor')}
          style={{ width: '100%' }}
          data-testid="handover-tutor"
          options={helpers.map((h) => ({
            value: h.userId,
            label: `${h.displayName}（${h.load.holiday_tutor}/${h.capacity.holiday_tutor}）`,
          }))}
        />
      )}
    </Card>
  );
}
