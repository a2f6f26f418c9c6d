import { CloseOutlined } from '@ant-design/icons';
import { participantRoleLabels, participantRoles } from '@shouwang/shared/enums/activities';
import { Button, Flex, Input, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ChildSearchSelect } from './ChildSearchSelect';

export interface ParticipantRow {
  childId: string;
  name: string;
  leftBehind: boolean;
  role: (typeof participantRoles)[number];
  award: string;
}

/** The participant list: pick children, then set each one's role and award on one line. */
export function ParticipantsField({
  value = [],
  onChange,
}: {
  value?: ParticipantRow[];
  onChange?: (rows: ParticipantRow[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const set = (i: number, patch: Partial<ParticipantRow>) =>
    onChange?.(value.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  return (
    <Flex vertical gap={8}>
      <ChildSearchSelect
        testId="participant-search"
        exclude={value.map((v) => v.childId)}
        onPick={(c) =>
          onChange?.([
            ...value,
            { childId: c.id, name: c.name, leftBehind: c.leftBehind, role: 'participant', award: '' },
          ])
        }
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('activities.participantsHint')}
      </Typography.Text>
      {value.map((row, i) => (
        <Flex key={row.childId} gap={6} align="center" wrap data-testid="participant-row">
          <span style={{ minWidth: 88, flex: '1 0 88px' }}>
            {row.name}
            {row.leftBehind && (
              <Tag color="orange" style={{ marginInlineStart: 4 }}>
                {t('activities.leftBehind')}
              </Tag>
            )}
          </span>
          <Select
            size="small"
            value={row.role}
            onChange={(role) => set(i, { role })}
            aria-label={t('activities.role')}
            style={{ width: 104 }}
            options={participantRoles.map((r) => ({
              value: r,
              label: en ? participantRoleLabels[r].en : participantRoleLabels[r].zh,
            }))}
          />
          <Input
            size="small"
            value={row.award}
            maxLength={50}
            placeholder={t('activities.awardPlaceholder')}
            aria-label={t('activities.award')}
            onChange={(e) => set(i, { award: e.target.value })}
            style={{ width: 104 }}
          />
          <Button
            size="small"
            type="text"
            icon={<CloseOutlined />}
            aria-label={t('common.delete')}
            onClick={() => onChange?.(value.filter((_, j) => j !== i))}
          />
        </Flex>
      ))}
    </Flex>
  );
}
