import { type ChildCategory, childCategoryLabels } from '@shouwang/shared/enums/children';
import { Flex, Tag } from 'antd';
import { useCodeLabels } from '../hooks/useCodeLabels';

const colorOf = (category: ChildCategory) =>
  category.startsWith('left_behind')
    ? 'green'
    : category === 'orphan' || category === 'de_facto_unsupported'
      ? 'purple'
      : 'blue';

/** The categories in force, in words (留守儿童（父母双方外出） …), never as codes. */
export function ChildCategoryTags({ categories }: { categories: readonly ChildCategory[] }) {
  const { label } = useCodeLabels();
  if (categories.length === 0) return null;
  return (
    <Flex wrap gap={4}>
      {categories.map((c) => (
        <Tag key={c} color={colorOf(c)} style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
          {label(childCategoryLabels, c)}
        </Tag>
      ))}
    </Flex>
  );
}
