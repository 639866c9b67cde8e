var Oe=Object.defineProperty;var qe=(t,n,a)=>n in t?Oe(t,n,{enumerable:!0,configurable:!0,writable:!0,value:a}):t[n]=a;var z=(t,n,a)=>qe(t,typeof n!="symbol"?n+"":n,a);var te={"01212d4e6f1d20f8da2397c188e761503afd03eb7996dedf4e16b1bbee486880":`mutation CancelMyAppointment ($appointmentId: ID!) {
	cancelMyAppointment(appointmentId: $appointmentId) {
		id
		status
		statusLabel
	}
}
`,"03e5c4b349b020ac154e9ddf4b26f2e40d3faf471d82fa6b831a1c1072ce31d5":`query MyCase ($locale: String) {
	myCase(locale: $locale) {
		caseNumber
		status
		statusLabel
		openedAt
		advocate {
			displayName
			email
			phone {
				display
				telUri
			}
		}
		nextFollowUp
		events {
			at
			title
			detail
		}
		courtDates {
			id
			at
			courtName
			address {
				street
				city
				state
				postalCode
			}
			hearing
			description
			icsUrl
		}
		appointments {
			id
			status
			statusLabel
			startsAt
			endsAt
			note
			icsUrl
			service {
				name
			}
		}
		compensationClaim {
			status
			statusLabel
			updatedAt
		}
		referrals {
			id
			status
			statusLabel
			share
			shareLabel
			declineReason
			declineReasonLabel
			partner {
				name
			}
		}
		unreadMessageCount
		messages(last: 20) {
			edges {
				node {
					id
					direction
					body
					sentAt
					readAt
				}
			}
		}
		feedback {
			rating
			submittedAt
		}
	}
}
`,"0f34861ec68bc05a6ccce2a97a0d4de15f8191269c5c3e8ed2c3f12745383b94":`mutation GiveConsent ($referralId: ID!, $share: ReferralShare!) {
	giveReferralConsent(referralId: $referralId, share: $share) {
		id
		status
		shareLabel
	}
}
`,"1403138e0ed2afa749632fa2666c09948d9ebcc04200052600d3767cf3ac51ae":`query Locales {
	locales {
		code
		nativeName
		direction
	}
}
`,"1e1726bafbe5db6246ad5a002a89ee69e4f15af31a95834f3cb53360799092de":`query Home ($locale: String) {
	crisisContacts(locale: $locale) {
		name
		description
		servedLocale
		phones {
			display
			telUri
			smsUri
			smsBody
			kind
		}
	}
	services(first: 20, openNow: true, locale: $locale) {
		totalCount
		edges {
			node {
				id
				slug
				name
				categoryLabel
				openNow
				closesAt
				phones {
					display
					telUri
					kind
				}
			}
		}
	}
}
`,"2f1a360b0668e7fe586d80f1736c74dfb8656758708ff1d3d22d3d8fb3279ae4":`query ServiceDetail ($slug: String!, $locale: String) {
	service(slug: $slug, locale: $locale) {
		id
		name
		description
		categoryLabel
		servedLocale
		machineTranslated
		openNow
		opensAt
		closesAt
		hours {
			summary
			byAppointment
			alwaysOpen
			timeZone
		}
		appointmentAvailability {
			timeZone
			slotMinutes
		}
		phones {
			display
			telUri
			smsUri
			kind
		}
		email
		languages
		provider {
			name
			website
		}
		locations {
			name
			address {
				street
				city
				state
				postalCode
			}
			neighborhood
			adaAccessible
			accessibilityNotes
		}
	}
}
`,"4e722d0a8c996929142066bc37e33b23aa47b188ba93443e24b85ba97f7d6df1":`mutation SendMessage ($body: String!) {
	sendCaseMessage(body: $body) {
		id
		sentAt
	}
}
`,"737f8cc4e52251b30ea41ba5760ec2d85e9f062f45602be3a0c585f771a6f2f1":`query Guides ($locale: String, $after: Cursor) {
	resources(first: 20, after: $after, locale: $locale) {
		totalCount
		pageInfo {
			hasNextPage
			endCursor
		}
		edges {
			node {
				slug
				title
				summary
				categoryLabel
				servedLocale
			}
		}
	}
}
`,"7a7e69f290db957c48f16ea900a4cf96a80e223c71df7eaa48268a0cfbf82a11":`mutation RequestAppointment ($serviceId: ID!, $startsAt: Time!) {
	requestAppointment(serviceId: $serviceId, startsAt: $startsAt) {
		id
		status
		statusLabel
		startsAt
		endsAt
		icsUrl
		service {
			name
		}
	}
}
`,"7f845b9f2e129a6da8a1215da67ddeb259558aa572bee327df62265945c7a740":`query Directory ($locale: String, $after: Cursor) {
	services(first: 50, after: $after, locale: $locale) {
		totalCount
		pageInfo {
			hasNextPage
			endCursor
		}
		edges {
			node {
				id
				slug
				name
				categoryLabel
				openNow
				opensAt
				closesAt
				phones {
					display
					telUri
					kind
				}
			}
		}
	}
}
`,"84b319c7f39d4bf879dc435f5146f52e29059a5101d34e9c0066d6c17a683c4f":`mutation SignOut {
	endCaseSession
}
`,"9323406e73d72ff9fe747845b7b9dc6b5533355643b78cacccfa69daf20618bb":`query Guide ($slug: String!, $locale: String) {
	resource(slug: $slug, locale: $locale) {
		slug
		title
		body
		direction
		servedLocale
		machineTranslated
		availableLocales
		updatedAt
	}
}
`,b80e3e5d4ccca9f6e360432d0e6c6579cbb82238ebaf969c58c9bf795b121bb8:`mutation SignIn ($caseNumber: String!, $accessCode: String!) {
	openCaseSession(caseNumber: $caseNumber, accessCode: $accessCode) {
		token
		expiresAt
	}
}
`,d271a74ad899cb5283bcc3b0d826de31c4591e3e18aa3572f52b8f6b134bade9:`query Search ($text: String!, $locale: String) {
	search(text: $text, first: 20, locale: $locale) {
		__typename
		... on Service {
			id
			slug
			name
			categoryLabel
		}
		... on Organization {
			id
			slug
			name
		}
		... on Resource {
			guideSlug: slug
			title
			summary
		}
	}
}
`,e54c340da79dfefa6af5ecb99a1e14146e017730ec350ad9faa2127b4497c32a:`query AppointmentSlots ($serviceId: ID!, $from: Time!, $to: Time!) {
	availableSlots(serviceId: $serviceId, from: $from, to: $to) {
		startsAt
		endsAt
	}
}
`,ec5c2a5b73e175c86c0fb9873c49fd3e500182caf515d54e5aad5857bf155126:`mutation SubmitFeedback ($input: FeedbackInput!) {
	submitFeedback(input: $input) {
		rating
		submittedAt
	}
}
`,fbbfc557e6a21abd19f3d0f240e3dc1740013d7c26d41a7f5ca1c2f38ecc6d3a:`mutation RequestSupport ($input: SupportRequestInput!) {
	requestSupport(input: $input) {
		caseNumber
		accessCode
		urgent
		emergencyMessage
		emergencyContacts {
			name
			phones {
				display
				telUri
				smsUri
			}
		}
	}
}
`};var ne=new Map;for(let t of Object.values(te)){let n=/^(?:query|mutation|subscription)\s+(\w+)/.exec(t);n&&ne.set(n[1],t)}var y=class extends Error{constructor(a,i,r){super(a);z(this,"code",i);z(this,"field",r)}},q=null,ae="en";function M(t){q=t}function R(){return q}function se(t){ae=t}async function m(t,n,a){let i=ne.get(t);if(!i)throw new Error(`no operation ${t}`);let r={"Content-Type":"application/json",Accept:"application/graphql-response+json, application/json","Accept-Language":ae};q&&(r.Authorization=`Bearer ${q}`);let l;try{l=await fetch("/query",{method:"POST",headers:r,body:JSON.stringify({operationName:t,query:i,variables:n??{}}),credentials:"omit",...a})}catch{throw new y("","OFFLINE")}if(l.status===503&&l.headers.get("X-VS-Offline"))throw new y("","OFFLINE");let c;try{c=await l.json()}catch{throw new y("","INTERNAL")}if(c.errors?.length){let o=c.errors[0];throw new y(o.message,o.extensions?.code??"INTERNAL",o.extensions?.field)}if(!c.data)throw new y("","INTERNAL");return{data:c.data,saved:l.headers.get("X-VS-Offline")==="saved"}}function e(t,n,...a){let i=document.createElement(t);for(let[r,l]of Object.entries(n??{}))if(!(l==null||l===!1))if(r.startsWith("on")&&typeof l=="function")i.addEventListener(r.slice(2),l);else if(r==="class")i.className=String(l);else{if(r==="style")throw new Error("inline styles are not allowed (CSP)");i.setAttribute(r,l===!0?"":String(l))}return Q(i,a),i}function Q(t,n){for(let a of n)a==null||a===!1||(Array.isArray(a)?Q(t,a):t.appendChild(typeof a=="object"?a:document.createTextNode(String(a))))}function u(t,...n){t.replaceChildren(),Q(t,n)}var D={"app.name":"Victim Services",skip:"Skip to content",exit:"Quick exit","exit.hint":"Or press Esc three times",language:"Language","language.uiFallback":"The buttons and labels of this app are in English for now; information from the service is shown in your language where we have it.","nav.home":"Home","nav.services":"Directory","nav.guides":"Guides","nav.search":"Search","nav.case":"My case","nav.main":"Main",back:"Back",loading:"Loading…",offline:"You are offline and this page was not saved on this device yet.",saved:"Offline: you are seeing the copy saved on this device.",error:"Something went wrong. Please try again.",retry:"Try again","home.title":"Help for victims of crime","home.crisis":"If you are in danger, call now","home.call":"Call {number}","home.text":"Text {number}","home.helpNow":"I need help now","home.helpNowHint":"Ask an advocate to contact you, safely and in your language.","home.openNow":"Open now","home.noneOpen":"No service is open right now. The lines above answer 24/7.","home.allServices":"All services","home.signIn":"Sign in to my case","service.open":"Open now","service.closed":"Closed now","service.closes":"Closes {time}","service.opens":"Opens {time}","service.hours":"Hours","service.byAppointment":"By appointment","service.alwaysOpen":"Open 24 hours, every day","service.phones":"Phone","service.email":"Email","service.languages":"Languages","service.places":"Where","service.accessible":"Wheelchair accessible","service.provider":"Provided by","service.notFound":"This service was not found.","translation.fallback":"Not yet available in your language: shown in {locale}.","translation.machine":"Translated by machine, not yet reviewed.","services.title":"Directory of services","services.count":"{count} services","guides.title":"Guides","guides.updated":"Updated {date}","guide.notFound":"This guide was not found.","search.title":"Search","search.label":"Search services and guides","search.submit":"Search","search.none":"Nothing found. Try other words.","search.organization":"Organization","search.service":"Service","search.guide":"Guide","help.title":"I need help now","help.intro":"Tell us how to reach you safely. An advocate will contact you. Fields marked optional can stay empty.","help.safe":"Are you safe right now?","help.safeYes":"Yes, I am safe right now","help.safeNo":"No, I am not safe","help.notSafe":"If you are not safe, call 911 now.","help.contact":"How should we contact you?","help.method.PHONE":"Phone call","help.method.SMS":"Text message","help.method.EMAIL":"Email","help.method.IN_APP":"Only in this app","help.phone":"Phone number","help.email":"Email address","help.message":"It is safe to leave a voicemail or message","help.times":"When is it safe to contact you? (optional)","help.needs":"What kind of help do you need? (optional)","help.need.VICTIM_ADVOCACY":"An advocate","help.need.COUNSELING":"Counseling","help.need.LEGAL_SUPPORT":"Legal and court help","help.need.SHELTER":"A safe place to stay","help.need.COMPENSATION":"Compensation","help.need.EMERGENCY":"Emergency","help.description":"What happened, or what you need (optional)","help.submit":"Ask for help","help.sent":"We received your request","help.keep":"Keep these to sign in to your case. Write them somewhere safe; we cannot show the access code again.","help.caseNumber":"Case number","help.accessCode":"Access code","help.emergency":"Emergency contacts","signin.title":"Sign in to my case","signin.intro":"Use the case number and access code you received.","signin.caseNumber":"Case number","signin.accessCode":"Access code","signin.submit":"Sign in","signin.out":"Sign out","case.title":"My case","case.status":"Status","case.opened":"Opened {date}","case.advocate":"My advocate","case.noAdvocate":"An advocate will be assigned soon.","case.nextFollowUp":"Next check-in: {date}","case.timeline":"What happened so far","case.court":"Court dates","case.noCourt":"No court date yet.","case.compensation":"Compensation claim","case.referrals":"Referrals","case.referral.share":"What may we share with {partner}?","case.referral.consent":"Give consent","case.referral.shared":"Shared: {share}","case.share.NOTHING":"Nothing about me","case.share.NAME_AND_CONTACT":"My name and contact details","case.share.CASE_SUMMARY":"Contact details and a summary of my case","case.messages":"Messages","case.unread":"{count} unread","case.fromMe":"Me","case.fromAdvocate":"Advocate","case.write":"Write to your advocate","case.send":"Send","case.sent":"Message sent.","case.feedback":"Tell us how we did","feedback.title":"Feedback","feedback.rating":"How satisfied are you with the help you received?","feedback.r1":"1 – Very dissatisfied","feedback.r2":"2 – Dissatisfied","feedback.r3":"3 – Neutral","feedback.r4":"4 – Satisfied","feedback.r5":"5 – Very satisfied","feedback.comment":"Anything you want to tell us (optional)","feedback.submit":"Send feedback","feedback.thanks":"Thank you for your feedback.","feedback.given":"You rated {rating} of 5 on {date}.",notFound:"This page does not exist."};var re={"app.name":"Servicios para Víctimas",skip:"Ir al contenido",exit:"Salida rápida","exit.hint":"O pulse Esc tres veces",language:"Idioma","language.uiFallback":"Los botones y etiquetas de esta aplicación están en inglés por ahora; la información del servicio se muestra en su idioma cuando la tenemos.","nav.home":"Inicio","nav.services":"Directorio","nav.guides":"Guías","nav.search":"Buscar","nav.case":"Mi caso","nav.main":"Principal",back:"Volver",loading:"Cargando…",offline:"No tiene conexión y esta página aún no se guardó en este dispositivo.",saved:"Sin conexión: está viendo la copia guardada en este dispositivo.",error:"Algo salió mal. Inténtelo de nuevo.",retry:"Reintentar","home.title":"Ayuda para víctimas de delitos","home.crisis":"Si está en peligro, llame ahora","home.call":"Llamar al {number}","home.text":"Enviar texto al {number}","home.helpNow":"Necesito ayuda ahora","home.helpNowHint":"Pida que una persona de apoyo le contacte, de forma segura y en su idioma.","home.openNow":"Abiertos ahora","home.noneOpen":"Ningún servicio está abierto ahora. Las líneas de arriba atienden las 24 horas.","home.allServices":"Todos los servicios","home.signIn":"Entrar a mi caso","service.open":"Abierto ahora","service.closed":"Cerrado ahora","service.closes":"Cierra a las {time}","service.opens":"Abre {time}","service.hours":"Horario","service.byAppointment":"Con cita previa","service.alwaysOpen":"Abierto las 24 horas, todos los días","service.phones":"Teléfono","service.email":"Correo electrónico","service.languages":"Idiomas","service.places":"Dónde","service.accessible":"Accesible en silla de ruedas","service.provider":"Ofrecido por","service.notFound":"No se encontró este servicio.","translation.fallback":"Aún no disponible en su idioma: se muestra en {locale}.","translation.machine":"Traducido automáticamente, aún sin revisar.","services.title":"Directorio de servicios","services.count":"{count} servicios","guides.title":"Guías","guides.updated":"Actualizada el {date}","guide.notFound":"No se encontró esta guía.","search.title":"Buscar","search.label":"Buscar servicios y guías","search.submit":"Buscar","search.none":"No se encontró nada. Pruebe con otras palabras.","search.organization":"Organización","search.service":"Servicio","search.guide":"Guía","help.title":"Necesito ayuda ahora","help.intro":"Díganos cómo contactarle de forma segura. Una persona de apoyo se comunicará con usted. Los campos opcionales pueden quedar vacíos.","help.safe":"¿Está a salvo en este momento?","help.safeYes":"Sí, estoy a salvo ahora","help.safeNo":"No, no estoy a salvo","help.notSafe":"Si no está a salvo, llame al 911 ahora.","help.contact":"¿Cómo prefiere que le contactemos?","help.method.PHONE":"Llamada telefónica","help.method.SMS":"Mensaje de texto","help.method.EMAIL":"Correo electrónico","help.method.IN_APP":"Solo en esta aplicación","help.phone":"Número de teléfono","help.email":"Correo electrónico","help.message":"Es seguro dejar un mensaje de voz o de texto","help.times":"¿Cuándo es seguro contactarle? (opcional)","help.needs":"¿Qué tipo de ayuda necesita? (opcional)","help.need.VICTIM_ADVOCACY":"Una persona de apoyo","help.need.COUNSELING":"Asesoramiento psicológico","help.need.LEGAL_SUPPORT":"Ayuda legal y en el tribunal","help.need.SHELTER":"Un lugar seguro donde quedarse","help.need.COMPENSATION":"Compensación","help.need.EMERGENCY":"Emergencia","help.description":"Qué pasó o qué necesita (opcional)","help.submit":"Pedir ayuda","help.sent":"Recibimos su solicitud","help.keep":"Guarde estos datos para entrar a su caso. Anótelos en un lugar seguro; no podemos mostrar el código de acceso otra vez.","help.caseNumber":"Número de caso","help.accessCode":"Código de acceso","help.emergency":"Contactos de emergencia","signin.title":"Entrar a mi caso","signin.intro":"Use el número de caso y el código de acceso que recibió.","signin.caseNumber":"Número de caso","signin.accessCode":"Código de acceso","signin.submit":"Entrar","signin.out":"Cerrar sesión","case.title":"Mi caso","case.status":"Estado","case.opened":"Abierto el {date}","case.advocate":"Mi persona de apoyo","case.noAdvocate":"Pronto se le asignará una persona de apoyo.","case.nextFollowUp":"Próximo seguimiento: {date}","case.timeline":"Lo ocurrido hasta ahora","case.court":"Fechas de tribunal","case.noCourt":"Aún no hay fecha de tribunal.","case.compensation":"Solicitud de compensación","case.referrals":"Derivaciones","case.referral.share":"¿Qué podemos compartir con {partner}?","case.referral.consent":"Dar consentimiento","case.referral.shared":"Compartido: {share}","case.share.NOTHING":"Nada sobre mí","case.share.NAME_AND_CONTACT":"Mi nombre y datos de contacto","case.share.CASE_SUMMARY":"Datos de contacto y un resumen de mi caso","case.messages":"Mensajes","case.unread":"{count} sin leer","case.fromMe":"Yo","case.fromAdvocate":"Persona de apoyo","case.write":"Escriba a su persona de apoyo","case.send":"Enviar","case.sent":"Mensaje enviado.","case.feedback":"Díganos cómo lo hicimos","feedback.title":"Opinión","feedback.rating":"¿Qué tan satisfecho está con la ayuda que recibió?","feedback.r1":"1 – Muy insatisfecho","feedback.r2":"2 – Insatisfecho","feedback.r3":"3 – Neutral","feedback.r4":"4 – Satisfecho","feedback.r5":"5 – Muy satisfecho","feedback.comment":"Algo que quiera decirnos (opcional)","feedback.submit":"Enviar opinión","feedback.thanks":"Gracias por su opinión.","feedback.given":"Calificó con {rating} de 5 el {date}.",notFound:"Esta página no existe."};var ie={"app.name":"خدمات الضحايا",skip:"انتقل إلى المحتوى",exit:"خروج سريع","exit.hint":"أو اضغط Esc ثلاث مرات",language:"اللغة","language.uiFallback":"أزرار هذا التطبيق وتسمياته باللغة الإنجليزية حاليًا؛ تظهر معلومات الخدمة بلغتك عند توفرها.","nav.home":"الرئيسية","nav.services":"الدليل","nav.guides":"الأدلة الإرشادية","nav.search":"بحث","nav.case":"قضيتي","nav.main":"التنقل الرئيسي",back:"رجوع",loading:"جارٍ التحميل…",offline:"أنت غير متصل، ولم تُحفظ هذه الصفحة على هذا الجهاز بعد.",saved:"غير متصل: أنت ترى النسخة المحفوظة على هذا الجهاز.",error:"حدث خطأ. يرجى المحاولة مرة أخرى.",retry:"أعد المحاولة","home.title":"مساعدة ضحايا الجرائم","home.crisis":"إذا كنت في خطر، اتصل الآن","home.call":"اتصل بـ {number}","home.text":"أرسل رسالة إلى {number}","home.helpNow":"أحتاج إلى مساعدة الآن","home.helpNowHint":"اطلب أن يتواصل معك مناصر بأمان وبلغتك.","home.openNow":"مفتوح الآن","home.noneOpen":"لا توجد خدمة مفتوحة الآن. الخطوط أعلاه تعمل على مدار الساعة.","home.allServices":"كل الخدمات","home.signIn":"الدخول إلى قضيتي","service.open":"مفتوح الآن","service.closed":"مغلق الآن","service.closes":"يغلق {time}","service.opens":"يفتح {time}","service.hours":"ساعات العمل","service.byAppointment":"بموعد مسبق","service.alwaysOpen":"مفتوح على مدار الساعة كل يوم","service.phones":"الهاتف","service.email":"البريد الإلكتروني","service.languages":"اللغات","service.places":"المكان","service.accessible":"مهيأ للكراسي المتحركة","service.provider":"تقدمها","service.notFound":"لم يُعثر على هذه الخدمة.","translation.fallback":"غير متوفر بلغتك بعد: معروض بلغة {locale}.","translation.machine":"ترجمة آلية لم تُراجع بعد.","services.title":"دليل الخدمات","services.count":"{count} خدمة","guides.title":"الأدلة الإرشادية","guides.updated":"حُدّث في {date}","guide.notFound":"لم يُعثر على هذا الدليل.","search.title":"بحث","search.label":"ابحث في الخدمات والأدلة","search.submit":"بحث","search.none":"لم يُعثر على شيء. جرّب كلمات أخرى.","search.organization":"منظمة","search.service":"خدمة","search.guide":"دليل","help.title":"أحتاج إلى مساعدة الآن","help.intro":"أخبرنا كيف نتواصل معك بأمان. سيتواصل معك مناصر. يمكن ترك الحقول الاختيارية فارغة.","help.safe":"هل أنت في أمان الآن؟","help.safeYes":"نعم، أنا في أمان الآن","help.safeNo":"لا، لست في أمان","help.notSafe":"إذا لم تكن في أمان، اتصل بـ 911 الآن.","help.contact":"كيف تفضّل أن نتواصل معك؟","help.method.PHONE":"مكالمة هاتفية","help.method.SMS":"رسالة نصية","help.method.EMAIL":"بريد إلكتروني","help.method.IN_APP":"داخل هذا التطبيق فقط","help.phone":"رقم الهاتف","help.email":"البريد الإلكتروني","help.message":"من الآمن ترك رسالة صوتية أو نصية","help.times":"متى يكون التواصل معك آمنًا؟ (اختياري)","help.needs":"ما نوع المساعدة التي تحتاجها؟ (اختياري)","help.need.VICTIM_ADVOCACY":"مناصر","help.need.COUNSELING":"استشارة نفسية","help.need.LEGAL_SUPPORT":"مساعدة قانونية وفي المحكمة","help.need.SHELTER":"مكان آمن للإقامة","help.need.COMPENSATION":"تعويض","help.need.EMERGENCY":"طوارئ","help.description":"ماذا حدث، أو ما الذي تحتاجه (اختياري)","help.submit":"اطلب المساعدة","help.sent":"تلقّينا طلبك","help.keep":"احتفظ بهذه البيانات للدخول إلى قضيتك. اكتبها في مكان آمن؛ لا يمكننا عرض رمز الدخول مرة أخرى.","help.caseNumber":"رقم القضية","help.accessCode":"رمز الدخول","help.emergency":"جهات اتصال الطوارئ","signin.title":"الدخول إلى قضيتي","signin.intro":"استخدم رقم القضية ورمز الدخول اللذين تلقيتهما.","signin.caseNumber":"رقم القضية","signin.accessCode":"رمز الدخول","signin.submit":"دخول","signin.out":"تسجيل الخروج","case.title":"قضيتي","case.status":"الحالة","case.opened":"فُتحت في {date}","case.advocate":"المناصر الخاص بي","case.noAdvocate":"سيُعيَّن لك مناصر قريبًا.","case.nextFollowUp":"المتابعة التالية: {date}","case.timeline":"ما حدث حتى الآن","case.court":"مواعيد المحكمة","case.noCourt":"لا يوجد موعد محكمة بعد.","case.compensation":"طلب التعويض","case.referrals":"الإحالات","case.referral.share":"ما الذي يمكننا مشاركته مع {partner}؟","case.referral.consent":"أوافق","case.referral.shared":"تمت مشاركة: {share}","case.share.NOTHING":"لا شيء عني","case.share.NAME_AND_CONTACT":"اسمي وبيانات الاتصال","case.share.CASE_SUMMARY":"بيانات الاتصال وملخص قضيتي","case.messages":"الرسائل","case.unread":"{count} غير مقروءة","case.fromMe":"أنا","case.fromAdvocate":"المناصر","case.write":"اكتب إلى المناصر","case.send":"إرسال","case.sent":"أُرسلت الرسالة.","case.feedback":"أخبرنا عن تجربتك","feedback.title":"رأيك","feedback.rating":"ما مدى رضاك عن المساعدة التي تلقيتها؟","feedback.r1":"1 – غير راضٍ إطلاقًا","feedback.r2":"2 – غير راضٍ","feedback.r3":"3 – محايد","feedback.r4":"4 – راضٍ","feedback.r5":"5 – راضٍ جدًا","feedback.comment":"أي شيء تود إخبارنا به (اختياري)","feedback.submit":"أرسل رأيك","feedback.thanks":"شكرًا لك على رأيك.","feedback.given":"قيّمت بـ {rating} من 5 في {date}.",notFound:"هذه الصفحة غير موجودة."};var oe={en:D,es:re,ar:ie},C=[{code:"en",nativeName:"English",direction:"LTR"},{code:"es",nativeName:"Español",direction:"LTR"},{code:"pl",nativeName:"Polski",direction:"LTR"},{code:"zh-Hans",nativeName:"简体中文",direction:"LTR"},{code:"zh-Hant",nativeName:"繁體中文",direction:"LTR"},{code:"ar",nativeName:"العربية",direction:"RTL"},{code:"hi",nativeName:"हिन्दी",direction:"LTR"},{code:"ur",nativeName:"اردو",direction:"RTL"},{code:"tl",nativeName:"Tagalog",direction:"LTR"},{code:"ko",nativeName:"한국어",direction:"LTR"},{code:"uk",nativeName:"Українська",direction:"LTR"},{code:"ru",nativeName:"Русский",direction:"LTR"}];function le(t){t.length&&(C=t)}var O="en";function f(){return O}function ce(t){O=t}function V(t){return t in oe}function de(t){return C.find(n=>n.code===t)?.direction==="RTL"?"rtl":"ltr"}function s(t,n){let a=(oe[O]??D)[t]??D[t];return n?a.replace(/\{(\w+)\}/g,(i,r)=>String(n[r]??"")):a}function H(t){for(let n of t){let a=n.toLowerCase(),i=C.find(l=>l.code.toLowerCase()===a);if(i)return i.code;if(a.startsWith("zh"))return/tw|hk|mo|hant/.test(a)?"zh-Hant":"zh-Hans";let r=C.find(l=>l.code.toLowerCase()===a.split("-")[0]);if(r)return r.code;if(a.startsWith("fil"))return"tl"}return"en"}function ue(t){return C.find(n=>n.code===t)?.nativeName??t}function k(t,n=!0){return new Intl.DateTimeFormat(O,n?{dateStyle:"medium",timeStyle:"short"}:{dateStyle:"medium"}).format(new Date(t))}function W(t){let n=new Date(t),a=n.toDateString()===new Date().toDateString();return new Intl.DateTimeFormat(O,a?{timeStyle:"short"}:{weekday:"short",hour:"numeric",minute:"2-digit"}).format(n)}var Fe=/^(https?:|mailto:|tel:)/i;function S(t){let n=[],a=/(\*\*|__)(.+?)\1|(\*|_)(.+?)\3|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/g,i=0;for(let r=a.exec(t);r;r=a.exec(t)){if(r.index>i&&n.push(t.slice(i,r.index)),r[2]!==void 0)n.push(e("strong",null,S(r[2])));else if(r[4]!==void 0)n.push(e("em",null,S(r[4])));else if(r[5]!==void 0)n.push(e("code",null,r[5]));else if(r[6]!==void 0){let l=r[7];if(Fe.test(l)){let c=/^https?:/i.test(l);n.push(e("a",{href:l,rel:c?"noopener noreferrer":null},S(r[6])))}else n.push(...S(r[6]))}i=a.lastIndex}return i<t.length&&n.push(t.slice(i)),n}function pe(t){let n=document.createDocumentFragment(),a=t.replace(/\r\n?/g,`
`).split(`
`),i=[],r=null,l=[],c=()=>{i.length&&n.appendChild(e("p",null,S(i.join(" ")))),i=[],l.length&&n.appendChild(e("blockquote",null,e("p",null,S(l.join(" "))))),l=[],r=null};for(let o of a){let h=o.trimEnd(),v;if(!h.trim())c();else if(v=/^(#{1,6})\s+(.*)$/.exec(h)){c();let p=Math.min(6,v[1].length+1);n.appendChild(e(`h${p}`,null,S(v[2])))}else if(v=/^\s*([-*+]|\d+[.)])\s+(.*)$/.exec(h)){let p=/\d/.test(v[1]);(i.length||l.length)&&c(),(!r||r.tagName==="OL"!==p)&&(r=e(p?"ol":"ul"),n.appendChild(r)),r.appendChild(e("li",null,S(v[2])))}else(v=/^>\s?(.*)$/.exec(h))?(i.length&&c(),l.push(v[1])):r&&/^\s+/.test(o)?r.lastElementChild?.append(" ",...S(h.trim()).map(p=>p)):((r||l.length)&&c(),i.push(h.trim()))}return c(),n}function N(t){return(t??[]).flatMap(n=>n?.node?[n.node]:[])}function g(t,...n){return document.title=`${t} · ${s("app.name")}`,e("section",{class:"page"},e("h1",{tabindex:"-1",id:"page-title"},t),...n)}function E(t,...n){return e("a",{href:t},...n)}function P(t,n){let[a,i=""]=s(t,{number:"\0"}).split("\0");return[e("span",null,a,e("bdi",{dir:"ltr"},n),i)]}function L(t,n=!1){let a=[];for(let i of t)i.kind!=="SMS"&&a.push(e("a",{class:n?"call call-primary":"call",href:i.telUri},P("home.call",i.display))),i.smsUri&&a.push(e("a",{class:"call call-text",href:i.smsUri},P("home.text",i.display)));return e("div",{class:"calls"},a)}function Y(t,n){let a=[];return t&&t!==f()&&a.push(e("p",{class:"note",lang:"en"},s("translation.fallback",{locale:ue(t)}))),n&&a.push(e("p",{class:"note"},s("translation.machine"))),a}function A(t,n="info"){return e("p",{class:`msg msg-${n}`,role:n==="error"?"alert":"status"},t)}function T(t){if(t instanceof y){if(t.code==="OFFLINE")return s("offline");if(t.message)return t.message}return s("error")}async function x(t,n,a,i,r,l){u(t,e("p",{class:"loading",role:"status"},s("loading"))),t.setAttribute("aria-busy","true");try{let c=await m(n,a);u(t,c.saved?e("p",{class:"msg msg-saved",role:"status","data-saved":"1"},s("saved")):null,i(c.data))}catch(c){if(l?.(c))return;let o=e("button",{type:"button",class:"btn",onclick:()=>{x(t,n,a,i,r,l)}},s("retry"));u(t,r?.(),A(T(c),"error"),o)}finally{t.removeAttribute("aria-busy")}}function w(t,n,a,i){return a.id=t,i&&a.setAttribute("aria-describedby",`${t}-hint`),e("div",{class:"field"},e("label",{for:t},n),i?e("p",{class:"hint",id:`${t}-hint`},i):null,a)}function me(t){let n=t.openNow?e("span",{class:"open"},s("service.open"),t.closesAt?` · ${s("service.closes",{time:W(t.closesAt)})}`:""):e("span",{class:"closed"},s("service.closed"),t.opensAt?` · ${s("service.opens",{time:W(t.opensAt)})}`:""),a=(t.phones??[]).find(i=>i.kind!=="SMS");return e("li",{class:"card"},e("h3",null,t.slug?E(`/app/service/${encodeURIComponent(t.slug)}`,t.name):t.name),e("p",{class:"meta"},t.categoryLabel," · ",n),a?e("a",{class:"call",href:a.telUri},P("home.call",a.display)):null)}var j=()=>L([{display:"911",telUri:"tel:911",kind:"VOICE"}],!0);function ge(t,n){return e("p",{class:"links"},e("a",{href:t},`${s("back")}: ${n}`))}function Ge(t){try{return new Intl.DisplayNames([f()],{type:"language"}).of(t)??t}catch{return t}}function fe(){let t=e("div",{class:"crisis-slot"}),n=e("div"),a=g(s("home.title"),e("section",{class:"crisis","aria-labelledby":"crisis-title"},e("h2",{id:"crisis-title"},s("home.crisis")),t),e("div",{class:"actions"},e("a",{class:"btn btn-urgent",href:"/app/help"},s("home.helpNow")),e("p",{class:"hint"},s("home.helpNowHint"))),e("section",{"aria-labelledby":"open-title"},e("h2",{id:"open-title"},s("home.openNow")),n),e("p",{class:"links"},E("/app/services",s("home.allServices")),E("/app/signin",s("home.signIn"))));return x(t,"Home",{locale:f()},i=>{let r=N(i.services.edges).map(me);return n.replaceChildren(r.length?e("ul",{class:"cards"},r):e("p",null,s("home.noneOpen"))),e("ul",{class:"crisis-list"},i.crisisContacts.map((l,c)=>e("li",null,e("h3",null,l.name),l.description?e("p",null,l.description):null,L(l.phones??[],c===0))))},j),a}function he(){let t=e("div"),n=g(s("services.title"),t);return x(t,"Directory",{locale:f()},a=>[e("p",{class:"meta"},s("services.count",{count:a.services.totalCount})),e("ul",{class:"cards","data-list":"directory"},N(a.services.edges).map(me))]),n}function be(t){let n=e("div"),a=g(s("nav.services"),n,ge("/app/services",s("services.title")));return x(n,"ServiceDetail",{slug:t,locale:f()},i=>{let r=i.service;if(!r)return e("p",null,s("service.notFound"));let l=a.querySelector("h1");l&&(l.textContent=r.name),document.title=`${r.name} · ${s("app.name")}`;let c=r.hours;return[Y(r.servedLocale,r.machineTranslated),e("p",{class:"meta"},r.categoryLabel," · ",e("span",{class:r.openNow?"open":"closed"},r.openNow?s("service.open"):s("service.closed"))),r.description?e("p",null,r.description):null,L(r.phones??[],!0),e("h2",null,s("service.hours")),e("p",null,c?.alwaysOpen?s("service.alwaysOpen"):c?.summary??"",c?.byAppointment?` (${s("service.byAppointment")})`:""),r.email?[e("h2",null,s("service.email")),e("p",null,e("a",{href:`mailto:${r.email}`},r.email))]:null,r.languages?.length?[e("h2",null,s("service.languages")),e("p",null,r.languages.map(Ge).join(", "))]:null,r.locations?.length?[e("h2",null,s("service.places")),e("ul",{class:"plain"},r.locations.map(o=>e("li",null,e("address",null,o.name?e("strong",null,o.name):null,o.address?[e("br"),o.address.street,e("br"),`${o.address.city}, ${o.address.state} ${o.address.postalCode}`]:null),o.adaAccessible?e("p",{class:"meta"},s("service.accessible")):null,o.accessibilityNotes?e("p",{class:"meta"},o.accessibilityNotes):null)))]:null,r.provider?e("p",{class:"meta"},`${s("service.provider")} `,r.provider.name):null]}),a}function ve(){let t=e("div"),n=g(s("guides.title"),t);return x(t,"Guides",{locale:f()},a=>e("ul",{class:"cards"},N(a.resources.edges).map(i=>e("li",{class:"card"},e("h3",null,E(`/app/guide/${encodeURIComponent(i.slug)}`,i.title)),e("p",{class:"meta"},i.categoryLabel),i.summary?e("p",null,i.summary):null)))),n}function ye(t){let n=e("div"),a=g(s("guides.title"),n,ge("/app/guides",s("guides.title")));return x(n,"Guide",{slug:t,locale:f()},i=>{let r=i.resource;if(!r)return e("p",null,s("guide.notFound"));let l=a.querySelector("h1");return l&&(l.textContent=r.title),document.title=`${r.title} · ${s("app.name")}`,[Y(r.servedLocale,r.machineTranslated),e("article",{class:"guide",lang:r.servedLocale,dir:r.direction==="RTL"?"rtl":"ltr"},pe(r.body)),e("p",{class:"meta"},s("guides.updated",{date:k(r.updatedAt,!1)}))]}),a}function ke(t,n){let a=e("input",{type:"search",name:"q",id:"q",value:t,autocomplete:"off",required:!0}),i=e("div",{"aria-live":"polite"}),r=e("form",{role:"search",class:"search",onsubmit:c=>{c.preventDefault(),n(`/app/search?q=${encodeURIComponent(a.value.trim())}`)}},e("label",{for:"q"},s("search.label")),e("div",{class:"row"},a,e("button",{type:"submit",class:"btn"},s("search.submit")))),l=g(s("search.title"),r,i);return t&&x(i,"Search",{text:t,locale:f()},c=>c.search.length?e("ul",{class:"cards"},c.search.map(o=>{switch(o.__typename){case"Service":return e("li",{class:"card"},e("h3",null,o.slug?E(`/app/service/${encodeURIComponent(o.slug)}`,o.name):o.name),e("p",{class:"meta"},s("search.service")," · ",o.categoryLabel));case"Resource":return e("li",{class:"card"},e("h3",null,E(`/app/guide/${encodeURIComponent(o.guideSlug)}`,o.title)),e("p",{class:"meta"},s("search.guide")),o.summary?e("p",null,o.summary):null);default:return e("li",{class:"card"},e("h3",null,o.name),e("p",{class:"meta"},s("search.organization")))}})):e("p",null,s("search.none"))),l}var K="vs.session";function Se(){try{M(sessionStorage.getItem(K))}catch{M(null)}}function U(t){M(t);try{t?sessionStorage.setItem(K,t):sessionStorage.removeItem(K)}catch{}}function F(t,n,a,i=!0){return e("fieldset",null,e("legend",null,n),a.map(([r,l],c)=>e("div",{class:"choice"},e("input",{type:"radio",name:t,value:r,id:`${t}-${r}`,required:i&&c===0}),e("label",{for:`${t}-${r}`},l))))}function xe(t){return e("section",{class:"crisis","aria-labelledby":"emergency-title","data-emergency":"1"},e("h2",{id:"emergency-title"},s("help.emergency")),e("ul",{class:"crisis-list"},t.map((n,a)=>e("li",null,e("h3",null,n.name),L(n.phones,a===0)))))}async function we(t,n){let a=await m("SignIn",{caseNumber:t,accessCode:n});U(a.data.openCaseSession.token)}function Ce(t){let n=e("div",{class:"urgent-slot","aria-live":"assertive"}),a=e("div",{"aria-live":"polite"}),i=["help.need.VICTIM_ADVOCACY","help.need.COUNSELING","help.need.LEGAL_SUPPORT","help.need.SHELTER","help.need.COMPENSATION"],r=e("form",{class:"form",novalidate:!1},F("safe",s("help.safe"),[["yes",s("help.safeYes")],["no",s("help.safeNo")]]),F("method",s("help.contact"),["PHONE","SMS","EMAIL","IN_APP"].map(c=>[c,s(`help.method.${c}`)])),w("phone",s("help.phone"),e("input",{type:"tel",name:"phone",autocomplete:"tel",dir:"ltr"})),w("email",s("help.email"),e("input",{type:"email",name:"email",autocomplete:"email",dir:"ltr"})),e("div",{class:"choice"},e("input",{type:"checkbox",name:"message",id:"message"}),e("label",{for:"message"},s("help.message"))),e("fieldset",null,e("legend",null,s("help.needs")),i.map(c=>{let o=c.slice(10);return e("div",{class:"choice"},e("input",{type:"checkbox",name:"needs",value:o,id:`need-${o}`}),e("label",{for:`need-${o}`},s(c)))})),w("times",s("help.times"),e("input",{type:"text",name:"times",maxlength:500})),w("description",s("help.description"),e("textarea",{name:"description",rows:4,maxlength:4e3})),a,e("button",{type:"submit",class:"btn btn-urgent"},s("help.submit"))),l=g(s("help.title"),n,e("p",null,s("help.intro")),r);return r.addEventListener("change",c=>{let o=c.target;o.name==="safe"&&(o.value==="no"?(u(n,e("p",{class:"msg msg-error",role:"alert"},s("help.notSafe")),j()),m("Home",{locale:f()}).then(h=>u(n,e("p",{class:"msg msg-error",role:"alert"},s("help.notSafe")),xe(h.data.crisisContacts))).catch(()=>{})):u(n))}),r.addEventListener("submit",c=>{c.preventDefault();let o=new FormData(r),h=o.get("safe"),v={preferredLocale:f(),contactMethod:o.get("method")??"IN_APP",phone:String(o.get("phone")??"").trim()||null,email:String(o.get("email")??"").trim()||null,safeToLeaveMessage:o.get("message")==="on",needs:o.getAll("needs").map(String),safeContactTimes:String(o.get("times")??"").trim()||null,description:String(o.get("description")??"").trim()||null,safeNow:h===null?null:h==="yes"};u(a,e("p",{role:"status"},s("loading"))),m("RequestSupport",{input:v}).then(p=>{let b=p.data.requestSupport,d=g(s("help.sent"),b.urgent||b.emergencyContacts.length?xe(b.emergencyContacts):null,b.emergencyMessage?e("p",{class:"msg msg-error"},b.emergencyMessage):null,e("p",null,s("help.keep")),e("dl",{class:"codes"},e("dt",null,s("help.caseNumber")),e("dd",{"data-case-number":""},b.caseNumber),e("dt",null,s("help.accessCode")),e("dd",{"data-access-code":""},b.accessCode)),e("button",{type:"button",class:"btn",onclick:()=>{we(b.caseNumber,b.accessCode).then(()=>t("/app/case"),()=>t("/app/signin"))}},s("signin.submit")));l.replaceWith(d),d.querySelector("h1")?.focus()}).catch(p=>{u(a,A(T(p),"error"));let b={"input.phone":"phone","input.email":"email","input.safeContactTimes":"times","input.description":"description","input.contactMethod":"method"},d=p instanceof y&&p.field?b[p.field]:void 0;d&&r.querySelector(`[name="${d}"]`)?.focus()})}),l}function Ne(t){let n=e("div"),a=e("form",{class:"form"},w("case-number",s("signin.caseNumber"),e("input",{type:"text",name:"caseNumber",autocomplete:"off",required:!0,autocapitalize:"characters",spellcheck:"false",dir:"ltr"})),w("access-code",s("signin.accessCode"),e("input",{type:"password",name:"accessCode",autocomplete:"off",required:!0,dir:"ltr"})),n,e("button",{type:"submit",class:"btn"},s("signin.submit")));return a.addEventListener("submit",i=>{i.preventDefault();let r=new FormData(a);u(n,e("p",{role:"status"},s("loading"))),we(String(r.get("caseNumber")).trim(),String(r.get("accessCode")).trim()).then(()=>t("/app/case"),l=>u(n,A(T(l),"error")))}),g(s("signin.title"),e("p",null,s("signin.intro")),a)}function I(t,...n){return e("section",{class:"box"},e("h2",null,t),...n)}function Ae(t){if(!R())return queueMicrotask(()=>t("/app/signin")),g(s("case.title"));let n=e("div"),a=g(s("case.title"),n),i=c=>c instanceof y&&c.code==="UNAUTHENTICATED"?(U(null),t("/app/signin"),!0):!1,r=()=>{x(n,"MyCase",{locale:f()},l,void 0,i)},l=c=>{let o=c.myCase;if(!o)return U(null),queueMicrotask(()=>t("/app/signin")),null;let h=N(o.messages.edges),v=e("textarea",{name:"body",rows:3,required:!0,maxlength:4e3}),p=e("div",{"aria-live":"polite"}),b=e("form",{class:"form"},w("message-body",s("case.write"),v),p,e("button",{type:"submit",class:"btn"},s("case.send")));return b.addEventListener("submit",d=>{d.preventDefault(),m("SendMessage",{body:v.value}).then(r,Re=>u(p,A(T(Re),"error")))}),[e("dl",{class:"codes"},e("dt",null,s("help.caseNumber")),e("dd",null,o.caseNumber),e("dt",null,s("case.status")),e("dd",{"data-status":o.status},o.statusLabel)),e("p",{class:"meta"},s("case.opened",{date:k(o.openedAt,!1)})),I(s("case.advocate"),o.advocate?[e("p",null,e("strong",null,o.advocate.displayName)),o.advocate.phone?L([{...o.advocate.phone,kind:"VOICE"}]):null,o.advocate.email?e("p",null,e("a",{href:`mailto:${o.advocate.email}`},o.advocate.email)):null]:e("p",null,s("case.noAdvocate")),o.nextFollowUp?e("p",null,s("case.nextFollowUp",{date:k(o.nextFollowUp)})):null),I(s("case.court"),o.courtDates?.length?e("ul",{class:"plain"},o.courtDates.map(d=>e("li",null,e("p",null,e("strong",null,k(d.at))),e("p",{"data-hearing":d.hearing},d.description),e("address",null,d.courtName,d.address?[e("br"),d.address.street,e("br"),`${d.address.city}, ${d.address.state} ${d.address.postalCode}`]:null)))):e("p",null,s("case.noCourt"))),o.compensationClaim?I(s("case.compensation"),e("p",null,o.compensationClaim.statusLabel," · ",k(o.compensationClaim.updatedAt,!1))):null,o.referrals.length?I(s("case.referrals"),e("ul",{class:"plain"},o.referrals.map(d=>_e(d,r)))):null,I(s("case.messages"),o.unreadMessageCount?e("p",{class:"meta"},s("case.unread",{count:o.unreadMessageCount})):null,e("ol",{class:"messages"},h.map(d=>e("li",{class:d.direction==="FROM_VICTIM"?"from-me":"to-me"},e("p",{class:"meta"},d.direction==="FROM_VICTIM"?s("case.fromMe"):s("case.fromAdvocate")," · ",k(d.sentAt)),e("p",null,d.body)))),b),I(s("case.timeline"),e("ol",{class:"timeline"},(o.events??[]).map(d=>e("li",null,e("p",{class:"meta"},k(d.at)),e("p",null,e("strong",null,d.title)),d.detail?e("p",null,d.detail):null)))),e("p",{class:"links"},e("a",{href:"/app/feedback"},o.feedback?s("feedback.given",{rating:o.feedback.rating,date:k(o.feedback.submittedAt,!1)}):s("case.feedback"))),e("button",{type:"button",class:"btn btn-secondary",onclick:()=>{m("SignOut").finally(()=>{U(null),t("/app/")})}},s("signin.out"))]};return r(),a}function _e(t,n){let a=e("p",null,e("strong",null,t.partner.name)," · ",t.statusLabel);if(t.status!=="PROPOSED")return e("li",null,a,e("p",{class:"meta"},s("case.referral.shared",{share:t.shareLabel})));let i=`share-${t.id}`,r=e("div",{"aria-live":"polite"}),l=e("form",{class:"form"},F(i,s("case.referral.share",{partner:t.partner.name}),["NOTHING","NAME_AND_CONTACT","CASE_SUMMARY"].map(c=>[c,s(`case.share.${c}`)])),r,e("button",{type:"submit",class:"btn"},s("case.referral.consent")));return l.addEventListener("submit",c=>{c.preventDefault();let o=new FormData(l).get(i);m("GiveConsent",{referralId:t.id,share:o}).then(n,h=>u(r,A(T(h),"error")))}),e("li",null,a,l)}function Ee(t){if(!R())return queueMicrotask(()=>t("/app/signin")),g(s("feedback.title"));let n=e("div",{"aria-live":"polite"}),a=e("form",{class:"form"},F("rating",s("feedback.rating"),["5","4","3","2","1"].map(r=>[r,s(`feedback.r${r}`)])),w("comment",s("feedback.comment"),e("textarea",{name:"comment",rows:4,maxlength:2e3})),n,e("button",{type:"submit",class:"btn"},s("feedback.submit"))),i=g(s("feedback.title"),a);return a.addEventListener("submit",r=>{r.preventDefault();let l=new FormData(a),c={rating:Number(l.get("rating")),comment:String(l.get("comment")??"").trim()||null};m("SubmitFeedback",{input:c}).then(()=>u(a,A(s("feedback.thanks")),e("p",null,e("a",{href:"/app/case"},s("case.title")))),o=>{o instanceof y&&o.code==="UNAUTHENTICATED"&&t("/app/signin"),u(n,A(T(o),"error"))})}),i}var ze="/recipes/bread",Le=!1;async function B(){if(Le)return;Le=!0,document.title="Bread",document.body.replaceChildren();let t=[];R()&&t.push(m("SignOut",{},{keepalive:!0}).catch(()=>{})),M(null);try{localStorage.clear(),sessionStorage.clear()}catch{}navigator.serviceWorker?.controller?.postMessage("forget"),"caches"in self&&t.push(caches.keys().then(a=>Promise.all(a.map(i=>caches.delete(i))))),"serviceWorker"in navigator&&t.push(navigator.serviceWorker.getRegistrations().then(a=>Promise.all(a.map(i=>i.unregister()))));let n=new Promise(a=>setTimeout(a,1500));await Promise.race([Promise.allSettled(t),n]),location.replace(ze)}function Te(){let t=[];document.addEventListener("keydown",n=>{if(n.key!=="Escape")return;let a=Date.now();t=t.filter(i=>a-i<2e3),t.push(a),t.length>=3&&B()})}var J="vs.locale";function Qe(){let t=new URL(location.href),n=t.searchParams.get("lang");if(n){t.searchParams.delete("lang"),history.replaceState(null,"",t.pathname+t.search+t.hash);let a=H([n]);try{localStorage.setItem(J,a)}catch{}return a}try{let a=localStorage.getItem(J);if(a)return H([a])}catch{}return H(navigator.languages??[navigator.language])}function Ie(t){ce(V(t)?t:"en"),se(t),G=t,document.documentElement.lang=t,document.documentElement.dir=de(t)}var G="en",$e=document.getElementById("app")??document.body,Z=e("main",{id:"main",tabindex:"-1"});function $(t){history.replaceState(null,"",t),_(!0)}function Ve(){let t=location.pathname.replace(/\/+$/,"")||"/app",n=new URLSearchParams(location.search),a=/^\/app(?:\/([a-z]+)(?:\/(.+))?)?$/.exec(t),[,i="",r=""]=a??[],l=decodeURIComponent(r);switch(a?i:"?"){case"":return fe();case"services":return he();case"service":if(l)return be(l);break;case"guides":return ve();case"guide":if(l)return ye(l);break;case"search":return ke(n.get("q")??"",$);case"help":return Ce($);case"signin":return Ne($);case"case":return Ae($);case"feedback":return Ee($)}return g(s("notFound"),e("p",null,e("a",{href:"/app/"},s("nav.home"))))}var We=[["/app/","nav.home"],["/app/services","nav.services"],["/app/guides","nav.guides"],["/app/search","nav.search"],["/app/case","nav.case"]];function ee(){let t=e("select",{id:"lang",name:"lang"},C.map(n=>e("option",{value:n.code,lang:n.code,selected:n.code===G},n.nativeName)));t.addEventListener("change",()=>{try{localStorage.setItem(J,t.value)}catch{}Ie(t.value),ee(),_(!1),document.getElementById("lang")?.focus(),X()}),u($e,e("a",{class:"skip",href:"#main"},s("skip")),e("header",{class:"bar"},e("a",{class:"brand",href:"/app/"},s("app.name")),e("div",{class:"lang"},e("label",{for:"lang"},s("language")),t),e("button",{type:"button",class:"exit",id:"quick-exit","aria-describedby":"exit-hint",onclick:()=>{B()}},s("exit"),e("span",{class:"exit-hint",id:"exit-hint"},s("exit.hint")))),V(G)?null:e("p",{class:"note ui-fallback",lang:"en",dir:"ltr"},s("language.uiFallback")),Z,e("nav",{class:"tabs","aria-label":s("nav.main")},e("ul",null,We.map(([n,a])=>e("li",null,e("a",{href:n,"data-tab":n},s(a)))))))}function _(t){u(Z,Ve());let n=location.pathname.replace(/\/+$/,"")||"/app";for(let a of $e.querySelectorAll("[data-tab]")){let i=a.dataset.tab.replace(/\/+$/,"");(i==="/app"?n==="/app":n.startsWith(i))?a.setAttribute("aria-current","page"):a.removeAttribute("aria-current")}t&&document.getElementById("page-title")?.focus()}document.addEventListener("click",t=>{if(t.defaultPrevented||t.button!==0||t.metaKey||t.ctrlKey||t.shiftKey||t.altKey)return;let n=t.target.closest?.("a");if(!(!n||n.target||n.origin!==location.origin)){if(n.classList.contains("skip")){t.preventDefault(),Z.focus();return}n.pathname.startsWith("/app")&&(t.preventDefault(),$(n.pathname+n.search))}});var Me="vs.saved",Ye=3600*1e3;async function X(){if(!navigator.serviceWorker?.controller)return;let t={locale:f()},n=G,a={};try{a=JSON.parse(localStorage.getItem(Me)??"{}")}catch{}if(Date.now()-(a[n]??0)<Ye){document.documentElement.dataset.offline=n;return}try{await Promise.all([m("Home",t),m("Directory",t)]);let i=await m("Guides",t);await Promise.all(N(i.data.resources.edges).map(r=>m("Guide",{slug:r.slug,...t}))),document.documentElement.dataset.offline=n;try{localStorage.setItem(Me,JSON.stringify({...a,[n]:Date.now()}))}catch{}}catch{}}function je(){"serviceWorker"in navigator&&(navigator.serviceWorker.addEventListener("controllerchange",()=>{X()}),navigator.serviceWorker.register("/app/sw.js",{scope:"/app/"}).then(()=>{X()},()=>{}))}Se();Ie(Qe());Te();ee();_(!1);je();m("Locales").then(t=>{let n=t.data.locales.map(a=>({code:a.code,nativeName:a.nativeName,direction:a.direction}));n.map(a=>a.code).join()!==C.map(a=>a.code).join()&&(le(n),ee(),_(!1))},()=>{});
