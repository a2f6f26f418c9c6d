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
        <Flex
          key={row.childId}
          vertical
          gap={4}
          style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}
          data-testid="participant-row"
        >
          <Flex justify="space-between" align="center">
            <span>
              {row.name}
              {row.leftBehind && (
                <Tag color="orange" style={{ marginInlineStart: 6 }}>
                  {t('activities.leftBehind')}
                </Tag>
              )}
            </span>
            <Button
              size="small"
              type="text"
              icon={<CloseOutlined />}
              aria-label={t('common.delete')}
              onClick={() => onChange?.(value.filter((_, j) => j !== i))}
            />
          </Flex>
          <Flex gap={8}>
            <Select
              size="small"
              value={row.role}
              onChange={(role) => set(i, { role })}
              aria-label={t('activities.role')}
              style={{ flex: 1, minWidth: 0 }}
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
              style={{ flex: 1, minWidth: 0 }}
            />
          </Flex>
        </Flex>
      ))}
    </Flex>
  );
}
