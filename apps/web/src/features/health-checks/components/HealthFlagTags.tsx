import {
  type HealthFlag,
  healthFlagLabels,
  healthFlagStandards,
  seriousHealthFlags,
} from '@shouwang/shared/enums/health';
import { Flex, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCodeLabels } from '../../children/hooks/useCodeLabels';

/** Screening flags as coloured tags; the tooltip names the standard each comes from. */
export function HealthFlagTags({ flags, showNone = false }: { flags: readonly HealthFlag[]; showNone?: boolean }) {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  if (flags.length === 0)
    return showNone ? (
      <Tag color="green" data-testid="health-flag-none">
        {t('health.noFlags')}
      </Tag>
    ) : null;
  return (
    <Flex gap={4} wrap>
      {flags.map((flag) => (
        <Tooltip key={flag} title={label(healthFlagStandards, flag)}>
          <Tag
            color={seriousHealthFlags.includes(flag) ? 'red' : 'orange'}
            style={{ marginInlineEnd: 0 }}
            data-testid={`health-flag-${flag}`}
          >
            {label(healthFlagLabels, flag)}
          </Tag>
        </Tooltip>
      ))}
    </Flex>
  );
}
