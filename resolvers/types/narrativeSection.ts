import { Field, Int, ObjectType } from 'type-graphql';
import { bi } from './describe';
import { FigureChange } from './figureChange';
import { SourceLocation } from './sourceLocation';

@ObjectType({ description: bi('正文的一节', 'A section of the narrative') })
export class NarrativeSection {
  @Field(() => String, {
    description: bi('节号，如 "1" 或 "1.2"', 'Section id, e.g. "1" or "1.2"'),
  })
  id!: string;

  @Field(() => String, { description: bi('标题', 'Heading') })
  heading!: string;

  @Field(() => String, { description: bi('正文', 'Text') })
  text!: string;

  @Field(() => SourceLocation, { nullable: true, description: bi('来源位置', 'Where it was read') })
  source!: SourceLocation | null;

  @Field(() => Int, { description: bi('最后修改的修订号', 'Revision that last changed it') })
  revision!: number;

  @Field(() => FigureChange, { description: bi('最后一次修改', 'Its last change') })
  lastChange!: FigureChange;
}
