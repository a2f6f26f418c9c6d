import type { ChildView } from '@shouwang/shared/schemas/children';
import { Flex } from 'antd';
import { ChildConcernsCard } from '../../concerns/components/ChildConcernsCard';
import { useRiskLevel } from '../api';
import { RiskLevelCard } from './RiskLevelCard';
import { SessionList } from './SessionList';

/** 心理与安全: risk level and whom to ask; counselors' sessions; concern reports about the child. */
export function ChildWellbeingTab({ child, canRaise }: { child: ChildView; canRaise: boolean }) {
  const risk = useRiskLevel(child.id);
  const abilities = risk.data?.abilities;
  return (
    <Flex vertical gap={16} data-testid="wellbeing-tab">
      <RiskLevelCard childId={child.id} />
      {abilities?.readSessions && <SessionList childId={child.id} canWrite={abilities.writeSessions ?? false} />}
      {canRaise && <ChildConcernsCard child={child} />}
    </Flex>
  );
}
