import { Field, Int, ObjectType } from 'type-graphql';
import { bi } from './describe';

@ObjectType({
  description: bi('数字在来源文件中的位置', 'Where a value was read in the source document'),
})
export class SourceLocation {
  @Field(() => Int, { nullable: true, description: bi('行号（从 1 开始）', 'Line, 1-based') })
  line?: number | null;

  @Field(() => Int, { nullable: true, description: bi('列号（从 1 开始）', 'Column, 1-based') })
  column?: number | null;

  @Field(() => String, {
    nullable: true,
    description: bi('HTML 表格单元格路径', 'Path of the HTML table cell'),
  })
  htmlPath?: string | null;

  @Field(() => String, {
    nullable: true,
    description: bi('读到的原文记号', 'The exact token read'),
  })
  token?: string | null;

  @Field(() => String, {
    nullable: true,
    description: bi('周围的原文', 'Source text around the token'),
  })
  excerpt?: string | null;
}
