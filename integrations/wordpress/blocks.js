/*
 * Sharek's blocks in the block editor: plain JavaScript on the wp.* globals, no
 * build step (WordPress 6.1 and later). The blocks are dynamic: the saved post
 * holds only the block comment with its attributes, and sharek.php renders the
 * element on the server (render_callback). Titles, icons and attributes come
 * from sharek.php (window.sharekBlocks), which reads them from elements.json.
 */
( function ( blocks, element, blockEditor, components, ServerSideRender, i18n, definitions ) {
	'use strict';
	var el = element.createElement;
	var __ = i18n.__;

	/** Labels by the element's attribute names. */
	var labels = {
		consultation: __( 'Consultation id', 'sharek' ),
		participation: __( 'Participation', 'sharek' ),
		lang: __( 'Language', 'sharek' ),
		calendar: __( 'Calendar', 'sharek' ),
		agency: __( 'Agency id (all when empty)', 'sharek' ),
		status: __( 'Status', 'sharek' ),
		'href-template': __( 'Link to each consultation ({id} is replaced; the portal page when empty)', 'sharek' ),
		'page-size': __( 'Consultations per page (1–100)', 'sharek' ),
		'heading-level': __( 'Heading level (2–6)', 'sharek' ),
	};
	var valueLabels = {
		all: __( 'The card, polls, comment form and comments', 'sharek' ),
		none: __( 'The card alone', 'sharek' ),
		ar: 'العربية',
		en: 'English',
		upcoming: __( 'Upcoming', 'sharek' ),
		open: __( 'Open', 'sharek' ),
		closed: __( 'Closed', 'sharek' ),
		decided: __( 'Decided', 'sharek' ),
	};

	/** One control for one attribute: a choice for a list of values, a number, or text. */
	function control( key, schema, definition, props ) {
		var name = definition.names[ key ];
		var value = props.attributes[ key ];
		var set = function ( next ) {
			var update = {};
			update[ key ] = next === '' || next === undefined || next === null ? undefined : next;
			props.setAttributes( update );
		};
		var common = { key: key, label: labels[ name ] || name };
		if ( schema.enum ) {
			return el(
				components.SelectControl,
				Object.assign( common, {
					value: value === undefined ? '' : value,
					options: [ { value: '', label: __( 'Default', 'sharek' ) } ].concat(
						schema.enum.map( function ( v ) {
							return { value: v, label: valueLabels[ v ] || v };
						} )
					),
					onChange: set,
				} )
			);
		}
		if ( schema.type === 'integer' ) {
			return el(
				components.TextControl,
				Object.assign( common, {
					type: 'number',
					min: schema.minimum,
					max: schema.maximum,
					value: value === undefined ? '' : String( value ),
					onChange: function ( v ) {
						var n = parseInt( v, 10 );
						set( n >= schema.minimum && n <= schema.maximum ? n : undefined );
					},
				} )
			);
		}
		return el(
			components.TextControl,
			Object.assign( common, {
				value: value === undefined ? '' : value,
				dir: 'ltr',
				onChange: set,
			} )
		);
	}

	/**
	 * A new block asks for what it cannot do without (the consultation's id), and
	 * takes it on "Show", so the preview does not replace the field while typing.
	 */
	function Start( args ) {
		var definition = args.definition;
		var state = element.useState( {} );
		var draft = state[ 0 ];
		var setDraft = state[ 1 ];
		return el(
			components.Placeholder,
			{ icon: definition.icon, label: definition.title },
			el(
				'form',
				{
					onSubmit: function ( event ) {
						event.preventDefault();
						args.props.setAttributes( draft );
					},
				},
				args.missing.map( function ( key ) {
					return control( key, definition.attributes[ key ], definition, {
						attributes: draft,
						setAttributes: function ( update ) {
							setDraft( Object.assign( {}, draft, update ) );
						},
					} );
				} ),
				el( components.Button, { variant: 'primary', type: 'submit' }, __( 'Show', 'sharek' ) )
			)
		);
	}

	Object.keys( definitions || {} ).forEach( function ( name ) {
		var definition = definitions[ name ];
		blocks.registerBlockType( name, {
			apiVersion: 2,
			title: definition.title,
			category: 'embed',
			icon: definition.icon,
			attributes: definition.attributes,
			supports: { html: false },
			edit: function ( props ) {
				var blockProps = blockEditor.useBlockProps();
				var controls = Object.keys( definition.attributes ).map( function ( key ) {
					return control( key, definition.attributes[ key ], definition, props );
				} );
				var missing = definition.required.filter( function ( key ) {
					return ! props.attributes[ key ];
				} );
				return el(
					'div',
					blockProps,
					el(
						blockEditor.InspectorControls,
						null,
						el( components.PanelBody, { title: __( 'Settings', 'sharek' ) }, controls )
					),
					missing.length
						? el( Start, { definition: definition, missing: missing, props: props } )
						: el(
								'div',
								null,
								el( 'strong', null, definition.title ),
								el( ServerSideRender, { block: name, attributes: props.attributes } )
						  )
				);
			},
			save: function () {
				return null;
			},
		} );
	} );
} )( wp.blocks, wp.element, wp.blockEditor, wp.components, wp.serverSideRender, wp.i18n, window.sharekBlocks );
