/* rexian-store-sample.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rexian-store-private.h"
#include "rexian-store-knowledge-private.h"
#include "rexian-store-stats.h"

/* Sample data for a first start and for demonstrations: the departments, agents and
 * categories of a city 12345 hotline, and work orders in every state.  The text is
 * data a hotline would hold, in Chinese, not part of the user interface. */

static const struct
{
  const char *name;
  const char *contact_person;
  const char *phone;
} sample_departments[] = {
  { "市住房和城乡建设局", "王建华", "0356-2021234" },
  { "市交通运输局", "李卫东", "0356-2032345" },
  { "市生态环境局", "赵敏", "0356-2043456" },
  { "市人力资源和社会保障局", "孙丽娟", "0356-2054567" },
  { "市市场监督管理局", "周强", "0356-2065678" },
  { "市教育局", "吴晓燕", "0356-2076789" },
  { "市卫生健康委员会", "郑海涛", "0356-2087890" },
  { "市城市管理局", "冯志刚", "0356-2098901" },
  { "市自来水公司", "陈国庆", "0356-2109012" },
  { "国网供电公司", "褚明亮", "0356-2110123" },
  { "城区凤台街道办事处", "卫红梅", "0356-2121234" },
  { "城区西街街道办事处", "蒋文斌", "0356-2132345" },
};

static const struct
{
  const char *agent_no;
  const char *name;
  const char *role;
} sample_agents[] = {
  { "1001", "刘芳", "agent" },
  { "1002", "张伟", "agent" },
  { "1003", "王静", "agent" },
  { "1004", "李娜", "agent" },
  { "1005", "陈磊", "agent" },
  { "1006", "杨洋", "agent" },
  { "2001", "赵雪梅", "supervisor" },
  { "3001", "马俊", "department" },
};

static const struct
{
  const char *name;
  int         deadline_days;
} sample_categories[] = {
  { "城乡建设", 5 },
  { "交通出行", 5 },
  { "环境保护", 5 },
  { "劳动社保", 5 },
  { "市场监管", 5 },
  { "教育", 5 },
  { "医疗卫生", 5 },
  { "城市管理", 5 },
  { "水电气暖", 3 },
  { "政策咨询", 3 },
  { "复杂事项", 15 },
};

/* How far along its lifecycle a sample order is. */
typedef enum
{
  S_INTAKE,
  S_PENDING,
  S_PROGRESS,
  S_RETURNED,
  S_REDISPATCHED,
  S_EXTENSION_PENDING,
  S_EXTENDED,
  S_REPLIED,
  S_FOLLOW_UP,
  S_CLOSED,
  S_REHANDLED,
  S_DIRECT,
  S_ARCHIVED,
  S_MERGED,      /* merged into the latest earlier sample order with the same phone */
  S_SUPERVISED,  /* in progress and put under supervision by the supervisor */
} Scenario;

enum {
  F_EMERGENCY    = 1 << 0,
  F_CONFIDENTIAL = 1 << 1,
};

typedef struct
{
  const char        *caller_name;
  const char        *caller_title;
  const char        *phone;
  const char        *address;
  const char        *category;
  RexianRequestKind  kind;
  RexianChannel      channel;
  const char        *summary;
  const char        *course;
  const char        *request;
  const char        *lead;       /* department name; NULL when never dispatched */
  const char        *assist;     /* an assisting department, or NULL */
  int                days_ago;   /* working days before @now it was taken in */
  Scenario           scenario;
  guint              flags;
} SampleOrder;

#define CONSULT REXIAN_REQUEST_CONSULTATION
#define HELP REXIAN_REQUEST_HELP
#define COMPLAINT REXIAN_REQUEST_COMPLAINT
#define REPORT REXIAN_REQUEST_REPORT
#define SUGGEST REXIAN_REQUEST_SUGGESTION
#define PRAISE REXIAN_REQUEST_PRAISE
#define PHONE REXIAN_CHANNEL_PHONE
#define SMS REXIAN_CHANNEL_SMS
#define MAILBOX REXIAN_CHANNEL_MAILBOX
#define WEB REXIAN_CHANNEL_WEB
#define WALK_IN REXIAN_CHANNEL_WALK_IN

/* For orders being handled, days_ago decides the deadline's colour at @now: with a
 * five-day category, 0–2 working days since dispatch is green, 4 is yellow and 7 or more
 * red; in intake and pending dispatch (two days to transfer) 0 is green, 1 yellow and 3
 * red. */
static const SampleOrder sample_orders[] = {
  { "张建国", "先生", "13835601234", "城区凤台街道书院街12号院3号楼2单元", "城乡建设", COMPLAINT, PHONE,
    "小区楼道灯损坏两周无人维修",
    "3号楼2单元一至六层楼道灯全部不亮已有两周，多次向物业反映均未处理，老人夜间上下楼很不方便。",
    "请督促物业尽快维修楼道照明。", "市住房和城乡建设局", "城区凤台街道办事处", 2, S_PROGRESS, 0 },
  { "李秀英", "女士", "13935605678", "城区西街街道新市东街45号", "交通出行", COMPLAINT, PHONE,
    "公交12路末班车提前收车",
    "近一周12路公交末班车多次在21:30前收车，比公示时间提前约二十分钟，下夜班后无车可坐。",
    "请公交公司按公示时间发车并给予答复。", "市交通运输局", NULL, 4, S_PROGRESS, 0 },
  { "王志强", "先生", "15835607890", "泽州县金村镇府城村", "环境保护", REPORT, PHONE,
    "村东砖厂夜间烧窑黑烟扰民",
    "村东一砖厂每晚十点后烧窑，黑烟浓重，气味刺鼻，周边住户夜里不敢开窗。",
    "请环保部门查处违法排放。", "市生态环境局", NULL, 8, S_PROGRESS, F_CONFIDENTIAL },
  { "赵丽娟", "女士", "13703561122", "城区南街街道泰森路88号", "劳动社保", HELP, PHONE,
    "装修公司拖欠三个月工资",
    "所在装修公司自今年三月起拖欠工资三个月，共计一万二千元，多次讨要无果。",
    "请劳动监察部门协调追讨欠薪。", "市人力资源和社会保障局", NULL, 7, S_SUPERVISED, 0 },
  { "刘洋", "先生", "18635603344", "城区北街街道红星东街菜市场", "市场监管", COMPLAINT, PHONE,
    "菜市场电子秤短斤少两",
    "在红星菜市场购买猪肉两斤，回家复称只有一斤七两，摊主拒绝退补。",
    "请市场监管部门检查计量器具。", NULL, NULL, 1, S_PENDING, 0 },
  { "陈静", "女士", "13603565566", "城区钟家庄街道兰花路紫苑小区", "教育", CONSULT, WEB,
    "咨询小学新生入学报名时间",
    "孩子今年满六周岁，想了解学区划分情况和报名需要准备的材料。",
    "请告知报名时间和材料清单。", NULL, NULL, 0, S_DIRECT, 0 },
  { "杨帆", "先生", "15935607788", "城区东街街道文昌西街", "医疗卫生", COMPLAINT, PHONE,
    "医院门诊挂号排队时间过长",
    "在市人民医院门诊挂号排队近两个小时，多台自助机故障无人维修。",
    "请卫健部门督促医院改进挂号服务。", "市卫生健康委员会", NULL, 3, S_REPLIED, 0 },
  { "黄秀兰", "女士", "13835609900", "城区凤台街道凤台东街156号", "城市管理", COMPLAINT, PHONE,
    "早市占道经营堵塞交通",
    "凤台东街每天早上六点至九点商贩占道经营，车辆无法通行，散市后垃圾遍地。",
    "请城管部门规范管理。", "市城市管理局", "城区凤台街道办事处", 5, S_FOLLOW_UP, 0 },
  { "周建军", "先生", "13935601357", "城区西街街道西后河小区5号楼", "水电气暖", HELP, PHONE,
    "小区停水超过24小时",
    "5号楼从昨天早上开始停水，至今未恢复，也没有看到任何停水通知。",
    "请尽快恢复供水并说明原因。", "市自来水公司", NULL, 2, S_PROGRESS, 0 },
  { "吴桂芳", "女士", "15035602468", "城区北石店镇北石店村", "水电气暖", HELP, PHONE,
    "村里频繁停电影响冷库",
    "近一个月村里每周停电三四次，每次两三个小时，冷库里的水果已经受损。",
    "请供电公司排查线路故障。", "国网供电公司", NULL, 6, S_EXTENSION_PENDING, 0 },
  { "郑海燕", "女士", "13663561470", "城区凤台街道书院街12号院1号楼", "城乡建设", CONSULT, PHONE,
    "咨询老旧小区加装电梯补贴政策",
    "小区为九十年代建设的六层住宅，多数居民同意加装电梯。",
    "请告知补贴标准和申请流程。", NULL, NULL, 0, S_INTAKE, 0 },
  { "孙伟", "先生", "18835602580", "开发区钟家庄街道凤鸣小区", "交通出行", SUGGEST, WEB,
    "建议在凤鸣小区门口增设公交站",
    "小区已入住三千多户，最近的公交站步行需要二十分钟，老人孩子出行不便。",
    "建议增设公交站点或调整线路走向。", "市交通运输局", NULL, 12, S_CLOSED, 0 },
  { "马丽", "女士", "13835603691", "城区南街街道景西路", "环境保护", COMPLAINT, PHONE,
    "工地夜间施工噪音扰民",
    "景西路一处工地连续多日施工至凌晨两点，噪音很大，严重影响休息。",
    "请查处夜间违规施工。", "市生态环境局", NULL, 3, S_RETURNED, 0 },
  { "朱明", "先生", "13935604702", "泽州县南村镇", "劳动社保", CONSULT, PHONE,
    "咨询灵活就业人员养老保险缴费",
    "本人个体经营，想了解灵活就业人员养老保险的缴费档次和缴费方式。",
    "请告知缴费标准。", NULL, NULL, 1, S_DIRECT, 0 },
  { "胡晓东", "先生", "15835605813", "城区西街街道泽州路商业街", "市场监管", REPORT, PHONE,
    "举报火锅店使用过期食材",
    "泽州路一家火锅店后厨长期使用过期牛羊肉，本人曾在该店打工，亲眼所见。",
    "请依法查处，并为举报人保密。", "市市场监督管理局", NULL, 2, S_PROGRESS, F_CONFIDENTIAL },
  { "林小红", "女士", "13703566924", "城区东街街道迎宾街", "教育", COMPLAINT, PHONE,
    "校外培训机构收费后关门",
    "孩子报名的英语培训班预交一年学费八千元，机构突然关门，负责人联系不上。",
    "请协助追回预交学费。", "市教育局", "市市场监督管理局", 12, S_REHANDLED, 0 },
  { "何军", "先生", "18635608035", "城区凤台街道中原街", "医疗卫生", SUGGEST, MAILBOX,
    "建议社区卫生服务站延长开放时间",
    "上班族下班后社区卫生服务站已经关门，只能请假看病。",
    "建议工作日晚间开放至八点。", "市卫生健康委员会", NULL, 25, S_ARCHIVED, 0 },
  { "高秀珍", "女士", "13635609146", "城区北街街道北大街", "城市管理", COMPLAINT, PHONE,
    "垃圾点三天未清运异味大",
    "北大街垃圾点已经三天没有清运，天气热，异味很大，苍蝇很多。",
    "请尽快清运并定期消杀。", NULL, NULL, 3, S_PENDING, 0 },
  { "罗建平", "先生", "13835600257", "城区矿区街道工人新村", "水电气暖", COMPLAINT, PHONE,
    "冬季供暖室温不达标",
    "家中室温只有十四度，低于规定的十八度标准，家里有老人和婴儿。",
    "请供热单位上门检测并整改。", "市住房和城乡建设局", NULL, 15, S_CLOSED, 0 },
  { "梁淑芬", "女士", "15935601368", "城区西街街道前书院街", "政策咨询", CONSULT, PHONE,
    "咨询住房公积金提取条件",
    "想用住房公积金支付房租，不清楚需要满足什么条件。",
    "请告知提取条件和办理地点。", NULL, NULL, 2, S_DIRECT, 0 },
  { "宋建华", "先生", "13935602479", "城区钟家庄街道金鼎花园", "复杂事项", COMPLAINT, PHONE,
    "小区交房四年未办理房产证",
    "小区交房已四年，开发商一直未办理不动产权证，涉及三百余户，孩子上学受影响。",
    "请相关部门协调开发商尽快办证。", "市住房和城乡建设局", "城区凤台街道办事处", 6, S_PROGRESS, 0 },
  { "谢丽萍", "女士", "13703567035", "城区南街街道白马寺小区", "城乡建设", HELP, PHONE,
    "暴雨致小区地下车库严重积水",
    "昨夜暴雨后地下车库积水深约半米，多辆车被淹，排水泵无法启动。",
    "请立即组织抽排积水。", NULL, NULL, 0, S_PENDING, F_EMERGENCY },
  { "韩磊", "先生", "18635609146", "城区东街街道青年路安居小区7号楼", "水电气暖", HELP, PHONE,
    "楼道燃气管道泄漏有明显气味",
    "7号楼一单元楼道内燃气味很重，怀疑管道接口泄漏，已通知邻居开窗。",
    "请立即派人抢修。", "市城市管理局", NULL, 0, S_PROGRESS, F_EMERGENCY },
  { "张建国", "先生", "13835601234", "城区凤台街道书院街12号院3号楼2单元", "城乡建设", COMPLAINT, PHONE,
    "再次反映楼道灯未修复",
    "上次反映的楼道灯问题至今没有人来修，物业说在等配件。",
    "请尽快解决。", NULL, NULL, 1, S_MERGED, 0 },
  { "李秀英", "女士", "13935605678", "城区西街街道新市东街45号", "交通出行", COMPLAINT, PHONE,
    "12路公交车司机服务态度差",
    "今天早上乘坐12路公交车，司机对老人上车催促并大声呵斥。",
    "请公交公司加强司机服务培训。", NULL, NULL, 0, S_INTAKE, 0 },
  { "冯晓梅", "女士", "13835604813", "城区北街街道畅安路", "医疗卫生", PRAISE, PHONE,
    "表扬市人民医院急诊科医护人员",
    "母亲突发心梗送医，急诊科医护人员抢救及时，态度很好。",
    "希望对相关医护人员予以表扬。", "市卫生健康委员会", NULL, 9, S_CLOSED, 0 },
  { "曹志勇", "先生", "15835609924", "城区西街街道太行路", "交通出行", COMPLAINT, SMS,
    "太行路红绿灯配时不合理",
    "太行路与泽州路交叉口东西向绿灯只有十五秒，早晚高峰排队很长。",
    "请交管部门优化信号灯配时。", "市交通运输局", NULL, 7, S_PROGRESS, 0 },
  { "彭丽", "女士", "13603561035", "城区凤台街道凤台西街", "城市管理", COMPLAINT, PHONE,
    "烧烤摊油烟扰民",
    "楼下烧烤摊每晚营业到凌晨，油烟直接飘进家里，无法开窗。",
    "请城管部门依法处理。", "市城市管理局", NULL, 4, S_REDISPATCHED, 0 },
  { "董伟", "先生", "13935606146", "高平市米山镇", "劳动社保", CONSULT, PHONE,
    "咨询失业保险金申领条件",
    "本人上月被单位辞退，缴纳失业保险已满三年。",
    "请告知失业保险金的申领条件和流程。", NULL, NULL, 0, S_DIRECT, 0 },
  { "袁芳", "女士", "18835607257", "城区南街街道东方红小区", "市场监管", COMPLAINT, WEB,
    "网购家电七天无理由退货被拒",
    "在本市一家电器店网上购买电饭煲，七天内申请退货被商家以已拆封为由拒绝。",
    "请市场监管部门调解退货。", "市市场监督管理局", NULL, 10, S_CLOSED, 0 },
  { "邓建军", "先生", "13703568368", "城区钟家庄街道晋韵家园", "城乡建设", COMPLAINT, PHONE,
    "物业费上涨未经业主大会同意",
    "物业公司单方面将物业费从每平米0.8元上调到1.2元，未召开业主大会。",
    "请住建部门核查物业收费。", "市住房和城乡建设局", NULL, 5, S_REPLIED, 0 },
  { "许丽华", "女士", "15935609479", "城区东街街道文峰小区", "环境保护", COMPLAINT, PHONE,
    "小区附近河道有异味",
    "小区旁的白水河近期水色发黑，散发臭味，疑似有污水直排。",
    "请环保部门排查污染源。", "市生态环境局", "市城市管理局", 9, S_EXTENDED, 0 },
  { "傅强", "先生", "13835600580", "城区西街街道西大街", "城市管理", REPORT, PHONE,
    "举报违章搭建",
    "西大街28号院一楼住户在公共绿地上搭建彩钢房，面积约三十平米。",
    "请依法拆除违章建筑。", "市城市管理局", "城区西街街道办事处", 11, S_FOLLOW_UP, F_CONFIDENTIAL },
  { "沈玉兰", "女士", "13663562691", "城区凤台街道新市西街", "医疗卫生", CONSULT, PHONE,
    "咨询新冠疫苗加强针接种地点",
    "老人想接种加强针，不清楚附近哪里可以接种。",
    "请告知接种点和时间。", NULL, NULL, 4, S_DIRECT, 0 },
  { "曾志华", "先生", "18635601702", "泽州县巴公镇", "水电气暖", HELP, PHONE,
    "村里自来水水压不足",
    "每天早晚用水高峰时段，三楼以上基本没水。",
    "请供水部门检查管网并加压。", "市自来水公司", NULL, 1, S_PROGRESS, 0 },
  { "彭建新", "先生", "13935602813", "城区北街街道北石店路", "交通出行", HELP, PHONE,
    "出租车上遗失手提包",
    "今天中午在北石店路乘坐出租车，下车时将装有证件的手提包遗落在车上。",
    "请帮助联系出租车司机。", "市交通运输局", NULL, 0, S_REPLIED, 0 },
  { "吕敏", "女士", "15035603924", "城区南街街道泰森路", "教育", COMPLAINT, PHONE,
    "学校要求家长购买指定教辅",
    "孩子所在学校要求每位学生购买指定的教辅资料，每套一百二十元。",
    "请教育部门核查是否违规。", "市教育局", NULL, 3, S_PROGRESS, F_CONFIDENTIAL },
  { "苏志刚", "先生", "13703565035", "城区钟家庄街道康馨小区", "劳动社保", COMPLAINT, PHONE,
    "建筑工地拖欠农民工工资",
    "康馨小区二期工地拖欠二十多名农民工工资，总额约四十万元，春节前一直未结清。",
    "请尽快协调支付工资。", "市人力资源和社会保障局", "市住房和城乡建设局", 9, S_PROGRESS, F_EMERGENCY },
  { "蒋丽", "女士", "13835606146", "城区西街街道书院街", "市场监管", COMPLAINT, PHONE,
    "药店药品价格明显高于其他药店",
    "同一种降压药，这家药店比附近其他药店贵了近一倍。",
    "请核查药品价格。", "市市场监督管理局", NULL, 8, S_RETURNED, 0 },
  { "杜建平", "先生", "18835607257", "城区南街街道东方红小区", "市场监管", COMPLAINT, PHONE,
    "再次反映网购退货问题",
    "上次反映的电饭煲退货问题，商家又改口说要扣除三十元折旧费。",
    "请继续协调全额退款。", NULL, NULL, 2, S_INTAKE, 0 },
  { "叶红", "女士", "13603568368", "城区凤台街道凤台东街", "城市管理", COMPLAINT, PHONE,
    "路灯整条街不亮",
    "凤台东街从中原街口到书院街口的路灯已经一周不亮了，晚上很不安全。",
    "请尽快维修路灯。", "市城市管理局", NULL, 13, S_ARCHIVED, 0 },
  { "程伟", "先生", "13935609479", "城区东街街道青年路", "城乡建设", COMPLAINT, WALK_IN,
    "小区电梯频繁故障困人",
    "小区3号楼电梯一个月内困人三次，物业只是简单修理，没有彻底检修。",
    "请特种设备监管部门检查电梯安全。", "市市场监督管理局", "市住房和城乡建设局", 2, S_SUPERVISED, 0 },
  { "魏秀云", "女士", "15835600580", "城区北石店镇东武匠村", "环境保护", COMPLAINT, PHONE,
    "养殖场粪污直排农田",
    "村西一处养猪场将粪污直接排到农田，气味难闻，地下水可能受污染。",
    "请环保部门查处。", "市生态环境局", NULL, 6, S_PROGRESS, 0 },
  { "田志明", "先生", "13703561702", "城区凤台街道书院街", "政策咨询", CONSULT, PHONE,
    "咨询个人所得税专项附加扣除",
    "想了解赡养老人和子女教育专项附加扣除的标准和申报方式。",
    "请告知申报方法。", NULL, NULL, 5, S_ARCHIVED, 0 },
  { "任淑珍", "女士", "13835602813", "城区西街街道西后河小区2号楼", "水电气暖", HELP, PHONE,
    "暖气片漏水",
    "家里暖气片接口漏水，地板已经泡坏，楼下也在渗水。",
    "请供热单位尽快上门维修。", "市住房和城乡建设局", NULL, 1, S_REPLIED, 0 },
  { "姜涛", "先生", "18635603924", "开发区钟家庄街道", "交通出行", SUGGEST, WEB,
    "建议增加共享单车停放点",
    "开发区地铁口附近共享单车乱停乱放，建议划定专门停放区域。",
    "建议规范共享单车停放。", "市交通运输局", "市城市管理局", 8, S_CLOSED, 0 },
  { "范丽娟", "女士", "13663565035", "城区南街街道景西路", "环境保护", COMPLAINT, PHONE,
    "再次反映工地夜间施工",
    "上周反映的工地夜间施工问题仍然存在，昨晚又施工到凌晨一点。",
    "请尽快处理。", NULL, NULL, 0, S_INTAKE, 0 },
  { "方建军", "先生", "13935606146", "高平市米山镇", "劳动社保", HELP, PHONE,
    "失业保险金申领遇到问题",
    "按照上次咨询的流程网上申领失业保险金，系统一直提示信息不符。",
    "请帮助核实个人参保信息。", "市人力资源和社会保障局", NULL, 0, S_PROGRESS, 0 },
  { "石秀梅", "女士", "15935602246", "城区东街街道文昌东街", "医疗卫生", COMPLAINT, PHONE,
    "诊所无资质开展医美项目",
    "文昌东街一家诊所没有医疗美容资质，却在做注射美容项目。",
    "请卫健部门查处。", "市卫生健康委员会", "市市场监督管理局", 4, S_PROGRESS, F_CONFIDENTIAL },
  { "姚志强", "先生", "13703563357", "城区北街街道红星西街", "城市管理", COMPLAINT, PHONE,
    "井盖破损存在安全隐患",
    "红星西街与畅安路交叉口有一个井盖破损下陷，已有电动车摔倒。",
    "请尽快更换井盖。", "市城市管理局", NULL, 1, S_PROGRESS, F_EMERGENCY },
  { "汪丽", "女士", "13835604468", "城区凤台街道书院街12号院", "城乡建设", SUGGEST, MAILBOX,
    "建议小区增设电动车充电桩",
    "小区电动车多，居民私拉电线充电，存在火灾隐患。",
    "建议增设集中充电设施。", "城区凤台街道办事处", NULL, 14, S_CLOSED, 0 },
  { "金伟", "先生", "18835609579", "泽州县金村镇", "教育", CONSULT, PHONE,
    "咨询中考体育考试项目",
    "孩子今年参加中考，想了解体育考试的必考和选考项目。",
    "请告知考试项目和评分标准。", NULL, NULL, 3, S_DIRECT, 0 },
  { "崔秀英", "女士", "13603560680", "城区西街街道前书院街", "水电气暖", COMPLAINT, PHONE,
    "电费突然翻倍",
    "上个月电费比往月多了一倍，家里用电习惯没有变化，怀疑电表有问题。",
    "请供电公司检测电表。", "国网供电公司", NULL, 4, S_REHANDLED, 0 },
  { "贾建国", "先生", "13935601791", "城区南街街道白马寺小区", "城乡建设", COMPLAINT, PHONE,
    "地下车库积水后排水泵仍未修好",
    "上次暴雨后地下车库的排水泵一直没修好，再下雨还会被淹。",
    "请督促物业维修排水泵。", NULL, NULL, 0, S_INTAKE, 0 },
  { "夏丽娜", "女士", "15035604802", "城区钟家庄街道兰花路", "交通出行", COMPLAINT, PHONE,
    "出租车拒载绕路",
    "晚上从火车站打车到兰花路，司机先是拒载，后来又故意绕路多收费二十元。",
    "请交通部门查处。", "市交通运输局", NULL, 5, S_FOLLOW_UP, 0 },
  { "钟明", "先生", "13703569913", "城区东街街道迎宾街", "市场监管", REPORT, PHONE,
    "举报无证经营的小作坊",
    "迎宾街一处民房内有人生产豆腐，卫生条件很差，没有任何证照。",
    "请依法取缔。", "市市场监督管理局", NULL, 3, S_PENDING, F_CONFIDENTIAL },
  { "汤慧", "女士", "13835601024", "城区凤台街道中原街", "教育", CONSULT, SMS,
    "咨询幼儿园入园补贴",
    "听说本市对普惠性幼儿园有补贴，想了解具体标准。",
    "请告知补贴标准和申请方式。", NULL, NULL, 1, S_INTAKE, 0 },
  { "黎志军", "先生", "18635602135", "城区北街街道北大街", "城市管理", COMPLAINT, PHONE,
    "广场舞音响声音过大",
    "北大街广场每晚广场舞音响声音很大，一直持续到十点以后。",
    "请协调控制音量和时间。", "城区西街街道办事处", NULL, 2, S_REPLIED, 0 },
  { "周建军", "先生", "13935601357", "城区西街街道西后河小区5号楼", "水电气暖", HELP, PHONE,
    "再次反映小区停水",
    "5号楼又停水了，这个月已经是第二次。",
    "请彻底解决供水问题。", NULL, NULL, 0, S_MERGED, 0 },
  { "武建平", "先生", "13935604357", "城区矿区街道工人新村", "劳动社保", CONSULT, PHONE,
    "咨询退休金调整时间",
    "想了解今年企业退休人员基本养老金调整的时间和幅度。",
    "请告知调整政策。", NULL, NULL, 0, S_DIRECT, 0 },
};

/* Sample text of handling results, replies a department would write. */
static const char *const sample_results[] = {
  "经核实，已安排工作人员到现场处理，问题已解决，并电话告知来电人。",
  "已约谈相关责任单位，责令限期整改，整改情况将持续跟踪。",
  "经现场调查情况属实，已依法立案查处，并向来电人反馈处理结果。",
  "已向来电人详细解释相关政策规定，来电人表示理解。",
  "已协调相关单位落实，预计本月底前完成整改，已告知来电人。",
};

const char *
rexian_store_sample_result (guint index)
{
  return sample_results[index % G_N_ELEMENTS (sample_results)];
}

/* Reference data */

static gint64
ensure_row (RexianStore *self,
            sqlite3     *db,
            const char  *insert_sql,
            const char  *select_sql,
            const char  *key,
            const char  *text2,
            const char  *text3,
            int          number,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) select = NULL;
  int rc;

  insert = rexian_store_prepare (self, db, insert_sql, error);
  if (insert == NULL)
    return 0;

  rexian_store_bind_text (insert, 1, key);
  if (sqlite3_bind_parameter_count (insert) >= 3)
    {
      rexian_store_bind_text (insert, 2, text2);
      rexian_store_bind_text (insert, 3, text3);
    }
  if (sqlite3_bind_parameter_count (insert) >= 4)
    sqlite3_bind_int (insert, 4, number);

  if (!rexian_store_step_done (self, db, insert, error))
    return 0;

  select = rexian_store_prepare (self, db, select_sql, error);
  if (select == NULL)
    return 0;

  rexian_store_bind_text (select, 1, key);
  rc = sqlite3_step (select);
  if (rc != SQLITE_ROW)
    {
      rexian_store_set_sqlite_error (self, db, rc == SQLITE_DONE ? SQLITE_ERROR : rc, error);
      return 0;
    }

  return sqlite3_column_int64 (select, 0);
}

/* Departments, agents, categories and the default rules, keeping whatever a user
 * already entered under the same names.  Fills @departments and @categories (ids in the
 * order of the tables above) when given. */
gboolean
rexian_store_db_ensure_reference_data (RexianStore *self,
                                       sqlite3     *db,
                                       GArray      *departments,
                                       GArray      *categories,
                                       GArray      *agents,
                                       GError     **error)
{
  RexianDeadlineRules rules;

  for (guint i = 0; i < G_N_ELEMENTS (sample_departments); i++)
    {
      gint64 id = ensure_row (self, db,
                              "INSERT INTO departments (name, contact_person, phone) "
                              "VALUES (?1, ?2, ?3) ON CONFLICT (name) DO NOTHING",
                              "SELECT id FROM departments WHERE name = ?1",
                              sample_departments[i].name, sample_departments[i].contact_person,
                              sample_departments[i].phone, 0, error);
      if (id == 0)
        return FALSE;
      if (departments != NULL)
        g_array_append_val (departments, id);
    }

  for (guint i = 0; i < G_N_ELEMENTS (sample_agents); i++)
    {
      gint64 id = ensure_row (self, db,
                              "INSERT INTO agents (agent_no, name, role) VALUES (?1, ?2, ?3) "
                              "ON CONFLICT (agent_no) DO NOTHING",
                              "SELECT id FROM agents WHERE agent_no = ?1",
                              sample_agents[i].agent_no, sample_agents[i].name,
                              sample_agents[i].role, 0, error);
      if (id == 0)
        return FALSE;
      if (agents != NULL)
        g_array_append_val (agents, id);
    }

  for (guint i = 0; i < G_N_ELEMENTS (sample_categories); i++)
    {
      gint64 id = ensure_row (self, db,
                              "INSERT INTO categories (name, deadline_days) VALUES (?1, ?4) "
                              "ON CONFLICT (name) DO NOTHING",
                              "SELECT id FROM categories WHERE name = ?1",
                              sample_categories[i].name, NULL, NULL,
                              sample_categories[i].deadline_days, error);
      if (id == 0)
        return FALSE;
      if (categories != NULL)
        g_array_append_val (categories, id);
    }

  /* The defaults written out, so every seat and the preferences show the same figures;
   * values a user already set stay. */
  rexian_deadline_rules_init_default (&rules);
  {
    const struct { const char *key; int value; } settings[] = {
      { "deadline.dispatch-days", rules.dispatch_days },
      { "deadline.default-days", rules.default_handling_days },
      { "deadline.consultation-days", rules.consultation_days },
      { "deadline.yellow-days", rules.yellow_days },
      { "deadline.max-extension-days", rules.max_extension_days },
    };
    g_autoptr(sqlite3_stmt) stmt = NULL;

    stmt = rexian_store_prepare (self, db,
                                 "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                                 "ON CONFLICT (key) DO NOTHING",
                                 error);
    if (stmt == NULL)
      return FALSE;

    for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
      {
        char value[16];

        g_snprintf (value, sizeof value, "%d", settings[i].value);
        rexian_store_bind_text (stmt, 1, settings[i].key);
        rexian_store_bind_text (stmt, 2, value);
        if (!rexian_store_step_done (self, db, stmt, error))
          return FALSE;
      }
  }

  return TRUE;
}

static gint64
lookup_index (const char *name,
              gboolean    department)
{
  if (name == NULL)
    return -1;

  if (department)
    {
      for (guint i = 0; i < G_N_ELEMENTS (sample_departments); i++)
        if (g_str_equal (sample_departments[i].name, name))
          return i;
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (sample_categories); i++)
        if (g_str_equal (sample_categories[i].name, name))
          return i;
    }

  g_assert_not_reached ();
}

/* Times */

/* Local midnight of the day @n working days before the day of @now (the day of @now
 * itself for 0).  Without a calendar for those days, weekdays stand in. */
static gint64
working_day_start (RexianCalendar *calendar,
                   gint64          now,
                   int             n)
{
  g_autoptr(GDateTime) start = NULL;
  GDate date;

  rexian_date_from_unix (now, &date);

  while (n > 0)
    {
      gboolean working = FALSE;

      g_date_subtract_days (&date, 1);

      if (calendar == NULL ||
          !rexian_calendar_is_working_day (calendar, &date, &working, NULL))
        working = g_date_get_weekday (&date) < G_DATE_SATURDAY;

      if (working)
        n--;
    }

  start = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                 g_date_get_day (&date), 0, 0, 0);
  return g_date_time_to_unix (start);
}

/* Orders */

typedef struct
{
  RexianStore    *self;
  RexianCalendar *calendar;
  GArray         *departments;
  GArray         *categories;
  GArray         *agents;
  GArray         *order_ids;  /* the id of each sample order created, 0 if none */
  gint64          now;
} Seeder;

static gint64
department_id (Seeder     *seeder,
               const char *name)
{
  gint64 index = lookup_index (name, TRUE);

  return index < 0 ? 0 : g_array_index (seeder->departments, gint64, index);
}

static gint64
agent_id (Seeder *seeder,
          guint   index)
{
  return g_array_index (seeder->agents, gint64, index % seeder->agents->len);
}

/* Applies one step of a sample timeline.  A refusal from the calendar (a date past the
 * holiday data) ends the timeline there and keeps the order, as the store does for a
 * user; any other error is a real failure. */
static gboolean
step (Seeder                *seeder,
      gint64                 order_id,
      RexianAction           action,
      RexianTransitionInput *input,
      gint64                 agent,
      gint64                 at,
      gboolean              *stopped,
      GError               **error)
{
  g_autoptr(RexianWorkOrder) order = NULL;
  g_autoptr(GError) local_error = NULL;

  if (*stopped)
    return TRUE;

  order = rexian_store_db_apply (seeder->self, rexian_store_get_db (seeder->self), order_id,
                                 action, input, agent, at, &local_error);
  if (order != NULL)
    return TRUE;

  if (g_error_matches (local_error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_CALENDAR))
    {
      g_debug ("Sample order kept before %s: %s", rexian_action_to_string (action),
               local_error->message);
      *stopped = TRUE;
      return TRUE;
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gint64
find_earlier_order (Seeder *seeder,
                    guint   index)
{
  for (guint i = index; i-- > 0;)
    if (g_str_equal (sample_orders[i].phone, sample_orders[index].phone) &&
        g_array_index (seeder->order_ids, gint64, i) != 0)
      return g_array_index (seeder->order_ids, gint64, i);

  return 0;
}

static gboolean
seed_order (Seeder  *seeder,
            guint    index,
            GError **error)
{
  const SampleOrder *sample = &sample_orders[index];
  g_autoptr(RexianWorkOrder) draft = rexian_work_order_new ();
  g_autoptr(RexianWorkOrder) order = NULL;
  g_autoptr(RexianTransitionInput) input = rexian_transition_input_new ();
  const char *result = sample_results[index % G_N_ELEMENTS (sample_results)];
  gint64 now = seeder->now;
  gint64 intake_agent = agent_id (seeder, index % 6);
  gint64 supervisor = agent_id (seeder, 6);
  gint64 department_user = agent_id (seeder, 7);
  gint64 lead = department_id (seeder, sample->lead);
  gint64 created_at;
  gint64 dispatched_at;
  gint64 order_id;
  gint64 t;
  gint64 span;
  gboolean stopped = FALSE;

  /* Taken in on the morning of its day, spread over the morning by index; orders of
   * today are at most an hour and a half old. */
  created_at = working_day_start (seeder->calendar, now, sample->days_ago)
               + 8 * 3600 + 30 * 60 + (index % 12) * 17 * 60;
  if (created_at > now - 90 * 60)
    created_at = now - 90 * 60 + (gint64) (index % 12) * 60;

  rexian_work_order_set_channel (draft, sample->channel);
  rexian_work_order_set_kind (draft, sample->kind);
  rexian_work_order_set_category_id (draft, g_array_index (seeder->categories, gint64,
                                                           lookup_index (sample->category,
                                                                         FALSE)));
  rexian_work_order_set_caller_name (draft, sample->caller_name);
  rexian_work_order_set_caller_title (draft, sample->caller_title);
  rexian_work_order_set_caller_phone (draft, sample->phone);
  rexian_work_order_set_caller_address (draft, sample->address);
  rexian_work_order_set_confidential (draft, (sample->flags & F_CONFIDENTIAL) != 0);
  rexian_work_order_set_emergency (draft, (sample->flags & F_EMERGENCY) != 0);
  rexian_work_order_set_event_time (draft, created_at - 20 * 3600);
  rexian_work_order_set_event_place (draft, sample->address);
  rexian_work_order_set_event_course (draft, sample->course);
  rexian_work_order_set_present_state (draft, "问题仍未解决");
  rexian_work_order_set_request (draft, sample->request);
  rexian_work_order_set_summary (draft, sample->summary);
  rexian_work_order_set_created_at (draft, created_at);

  order = rexian_store_db_create_order (seeder->self, rexian_store_get_db (seeder->self),
                                        draft, intake_agent, created_at, error);
  if (order == NULL)
    return FALSE;

  order_id = rexian_work_order_get_id (order);
  g_array_index (seeder->order_ids, gint64, index) = order_id;

  switch (sample->scenario)
    {
    case S_INTAKE:
      return TRUE;

    case S_DIRECT:
      input->handling_result = g_strdup ("已按相关政策当场答复来电人，来电人表示满意。");
      return step (seeder, order_id, REXIAN_ACTION_CLOSE_DIRECT, input, intake_agent,
                   created_at + 6 * 60, &stopped, error);

    case S_ARCHIVED:
      /* A consultation answered on the spot is filed the next working day. */
      if (sample->lead != NULL)
        break;
      input->handling_result = g_strdup ("已按相关政策当场答复来电人，来电人表示满意。");
      return step (seeder, order_id, REXIAN_ACTION_CLOSE_DIRECT, input, intake_agent,
                   created_at + 6 * 60, &stopped, error) &&
             step (seeder, order_id, REXIAN_ACTION_ARCHIVE, input, supervisor,
                   created_at + 24 * 3600, &stopped, error);

    case S_MERGED:
      input->merge_into_id = find_earlier_order (seeder, index);
      input->reason = g_strdup ("同一来电人反映同一问题，并入原工单办理");
      return step (seeder, order_id, REXIAN_ACTION_MERGE, input, intake_agent,
                   created_at + 10 * 60, &stopped, error);

    default:
      break;
    }

  if (!step (seeder, order_id, REXIAN_ACTION_SUBMIT, input, intake_agent,
             created_at + 8 * 60, &stopped, error))
    return FALSE;

  if (sample->scenario == S_PENDING)
    return TRUE;

  /* Transferred within the hour, so days_ago also sets the handling deadline. */
  dispatched_at = created_at + 45 * 60;
  input->lead_department_id = lead;
  if (sample->assist != NULL)
    {
      gint64 assist = department_id (seeder, sample->assist);

      input->assist_department_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (input->assist_department_ids, assist);
    }
  input->transfer_opinion = g_strdup_printf ("请%s按职责核实处理，并在规定时限内答复来电人。",
                                             sample->lead);
  if (!step (seeder, order_id, REXIAN_ACTION_DISPATCH, input, supervisor, dispatched_at,
             &stopped, error))
    return FALSE;

  /* The later steps spread evenly between the dispatch and a little before now. */
  span = MAX (now - 10 * 60 - dispatched_at, 60);
  t = dispatched_at;

#define NEXT(fraction) (t = dispatched_at + span * (fraction) / 10)

  switch (sample->scenario)
    {
    case S_PROGRESS:
      return TRUE;

    case S_SUPERVISED:
      input->reason = g_strdup ("群众反映强烈，列入重点督办");
      input->supervise_reason = REXIAN_SUPERVISE_REASON_MANUAL;
      return step (seeder, order_id, REXIAN_ACTION_SUPERVISE, input, supervisor, NEXT (5),
                   &stopped, error);

    case S_RETURNED:
      input->reason = g_strdup ("该事项不属于本单位职责范围，建议转城市管理部门");
      return step (seeder, order_id, REXIAN_ACTION_RETURN, input, department_user, NEXT (5),
                   &stopped, error);

    case S_REDISPATCHED:
      g_free (input->reason);
      input->reason = g_strdup ("该事项不属于本单位职责范围");
      if (!step (seeder, order_id, REXIAN_ACTION_RETURN, input, department_user, NEXT (3),
                 &stopped, error))
        return FALSE;
      g_free (input->transfer_opinion);
      input->transfer_opinion = g_strdup ("经审核，改派城区西街街道办事处协调处理。");
      input->lead_department_id = department_id (seeder, "城区西街街道办事处");
      return step (seeder, order_id, REXIAN_ACTION_DISPATCH, input, supervisor, NEXT (5),
                   &stopped, error);

    case S_EXTENSION_PENDING:
    case S_EXTENDED:
      input->reason = g_strdup ("需协调多个部门现场勘查，申请延期");
      input->extension_days = 5;
      if (!step (seeder, order_id, REXIAN_ACTION_REQUEST_EXTENSION, input, department_user,
                 NEXT (4), &stopped, error))
        return FALSE;
      if (sample->scenario == S_EXTENSION_PENDING)
        return TRUE;
      return step (seeder, order_id, REXIAN_ACTION_APPROVE_EXTENSION, input, supervisor,
                   NEXT (6), &stopped, error);

    default:
      break;
    }

  /* Replied, then possibly followed up, closed, handled again or archived. */
  input->handling_result = g_strdup (result);
  input->handler_name = g_strdup (sample_departments[lookup_index (sample->lead, TRUE)]
                                  .contact_person);
  input->handler_phone = g_strdup (sample_departments[lookup_index (sample->lead, TRUE)].phone);
  if (!step (seeder, order_id, REXIAN_ACTION_REPLY, input, department_user, NEXT (3),
             &stopped, error))
    return FALSE;

  if (sample->scenario == S_REPLIED)
    return TRUE;

  if (!step (seeder, order_id, REXIAN_ACTION_START_FOLLOW_UP, input, intake_agent, NEXT (5),
             &stopped, error))
    return FALSE;

  if (sample->scenario == S_FOLLOW_UP)
    return TRUE;

  if (sample->scenario == S_REHANDLED)
    {
      input->reason = g_strdup ("来电人对办理过程和结果均不满意，要求重新办理");
      input->followup_process = REXIAN_SATISFACTION_DISSATISFIED;
      input->followup_result = REXIAN_SATISFACTION_DISSATISFIED;
      input->followup_note = g_strdup ("来电人表示问题没有得到实际解决");
      return step (seeder, order_id, REXIAN_ACTION_REHANDLE, input, intake_agent, NEXT (7),
                   &stopped, error);
    }

  input->followup_process = REXIAN_SATISFACTION_SATISFIED;
  input->followup_result = index % 3 == 0 ? REXIAN_SATISFACTION_BASICALLY
                                          : REXIAN_SATISFACTION_SATISFIED;
  input->followup_note = g_strdup ("回访来电人，对办理结果表示认可");
  if (!step (seeder, order_id, REXIAN_ACTION_CLOSE, input, intake_agent, NEXT (7), &stopped,
             error))
    return FALSE;

  if (sample->scenario == S_ARCHIVED)
    return step (seeder, order_id, REXIAN_ACTION_ARCHIVE, input, supervisor, NEXT (9),
                 &stopped, error);

#undef NEXT

  return TRUE;
}

/* Takes the seeding over in one transaction: the reference data and a marker, only
 * when no orders exist and no other seat has started seeding. */
static gboolean
claim_seeding (RexianStore *self,
               sqlite3     *db,
               GArray      *departments,
               GArray      *categories,
               GArray      *agents,
               gboolean    *out_claimed,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) check = NULL;
  g_autoptr(sqlite3_stmt) mark = NULL;
  int rc;

  *out_claimed = FALSE;

  if (!rexian_store_begin (self, db, error))
    return FALSE;

  check = rexian_store_prepare (self, db,
                                "SELECT EXISTS (SELECT 1 FROM work_orders) "
                                "OR EXISTS (SELECT 1 FROM settings WHERE key = 'sample.seeded')",
                                error);
  if (check == NULL)
    goto failed;

  rc = sqlite3_step (check);
  if (rc != SQLITE_ROW)
    {
      rexian_store_set_sqlite_error (self, db, rc, error);
      goto failed;
    }

  if (sqlite3_column_int (check, 0) != 0)
    {
      rexian_store_rollback (db);
      return TRUE;
    }

  if (!rexian_store_db_ensure_reference_data (self, db, departments, categories, agents,
                                              error))
    goto failed;

  mark = rexian_store_prepare (self, db,
                               "INSERT INTO settings (key, value) VALUES ('sample.seeded', '1')",
                               error);
  if (mark == NULL || !rexian_store_step_done (self, db, mark, error))
    goto failed;

  if (!rexian_store_commit (self, db, error))
    return FALSE;

  *out_claimed = TRUE;
  return TRUE;

failed:
  rexian_store_rollback (db);
  return FALSE;
}

gboolean
rexian_store_seed_sample_data (RexianStore *self,
                               gint64       now,
                               GError     **error)
{
  g_autoptr(GArray) departments = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) categories = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) agents = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) order_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autoptr(RexianCalendar) calendar = rexian_store_dup_calendar (self);
  sqlite3 *db;
  gboolean claimed = FALSE;
  gboolean ok = TRUE;
  Seeder seeder;

  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);

  db = rexian_store_get_db (self);
  if (now == 0)
    now = g_get_real_time () / G_USEC_PER_SEC;

  if (!claim_seeding (self, db, departments, categories, agents, &claimed, error))
    return FALSE;
  if (!claimed)
    return TRUE;

  /* Each order goes through create and apply like a user's, so its timeline is real. */
  g_array_set_size (order_ids, G_N_ELEMENTS (sample_orders));
  seeder = (Seeder) { self, calendar, departments, categories, agents, order_ids, now };

  for (guint i = 0; ok && i < G_N_ELEMENTS (sample_orders); i++)
    ok = seed_order (&seeder, i, error);

  /* The overdue and emergency orders come under supervision as they would on the board. */
  if (ok)
    {
      guint count = 0;

      ok = rexian_store_db_supervise_due (self, db, now - 60, &count, error);
    }

  if (ok)
    ok = rexian_store_fill_sample_calls (self, now, error);

  if (ok)
    ok = _rexian_store_seed_sample_knowledge (self, now, error);

  rexian_store_emit_changed (self);
  return ok;
}
